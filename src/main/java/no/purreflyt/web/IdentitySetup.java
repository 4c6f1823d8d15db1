package no.purreflyt.web;

import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.EncryptionUtil;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.stereotype.Component;

/**
 * Makes sure Purreflyt's groups exist in Camunda's identity service with their authorizations
 * ({@link GroupAuthorizations}), and where the production profile
 * asks for it, refuses to start while a user still has a default password or the database is H2.
 */
@Component
class IdentitySetup implements InitializingBean {

    /** Passwords nobody may keep in production: the demo users' and a few obvious ones. */
    static final List<String> DEFAULT_PASSWORDS = List.of("demo", "controller", "manager", "designer", "admin", "password");

    private static final String GROUP_TYPE = "WORKFLOW";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final ProcessEngineConfigurationImpl engineConfiguration;
    private final SecurityProperties properties;
    private final DataSource dataSource;

    IdentitySetup(IdentityService identity, AuthorizationService authorizations, ProcessEngineConfigurationImpl engineConfiguration, SecurityProperties properties,
            DataSource dataSource) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.engineConfiguration = engineConfiguration;
        this.properties = properties;
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws Exception {
        if (properties.refuseDefaultPasswords()) {
            refuseEmbeddedDatabase();
        }
        for (String groupId : Groups.ALL) {
            if (identity.createGroupQuery().groupId(groupId).count() == 0) {
                Group group = identity.newGroup(groupId);
                group.setName(nameOf(groupId));
                group.setType(Groups.CAMUNDA_ADMIN.equals(groupId) ? "SYSTEM" : GROUP_TYPE);
                identity.saveGroup(group);
            }
        }
        GroupAuthorizations.grant(authorizations);
        if (properties.refuseDefaultPasswords()) {
            refuseDefaultPasswords();
        }
    }

    private void refuseDefaultPasswords() {
        List<String> weak = identity.createUserQuery().list().stream()
                .filter(this::hasDefaultPassword)
                .map(User::getId)
                .toList();
        if (!weak.isEmpty()) {
            throw new IllegalStateException("Refusing to start: user(s) " + weak + " still have a default password. "
                    + "Change them in Camunda Admin (or start without the production profile to do so).");
        }
    }

    /** Compares the stored hash directly: checkPassword would count failures and lock the user. */
    private boolean hasDefaultPassword(User user) {
        if (!(user instanceof UserEntity entity) || entity.getPassword() == null) {
            return false;
        }
        return java.util.stream.Stream.concat(DEFAULT_PASSWORDS.stream(), java.util.stream.Stream.of(user.getId()))
                .anyMatch(candidate -> engineConfiguration.getPasswordManager()
                        .check(EncryptionUtil.saltPassword(candidate, entity.getSalt()), entity.getPassword()));
    }

    private void refuseEmbeddedDatabase() throws Exception {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, metaData -> metaData.getDatabaseProductName());
        if (product.toLowerCase(Locale.ROOT).contains("h2")) {
            throw new IllegalStateException("Refusing to start: the production profile needs PostgreSQL, not H2. "
                    + "Add the postgres profile and set PURREFLYT_DB_URL, PURREFLYT_DB_USER and PURREFLYT_DB_PASSWORD.");
        }
    }

    private static String nameOf(String groupId) {
        return switch (groupId) {
            case Groups.CREDIT_CONTROLLERS -> "Credit controllers";
            case Groups.CREDIT_MANAGERS -> "Credit managers";
            case Groups.PROCESS_DESIGNERS -> "Process designers";
            case Groups.ACCOUNTING_SYSTEMS -> "Accounting systems";
            default -> "Camunda administrators";
        };
    }
}
