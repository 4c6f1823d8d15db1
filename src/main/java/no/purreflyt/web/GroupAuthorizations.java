package no.purreflyt.web;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What each of Purreflyt's groups may do in Camunda (Cockpit, Tasklist, Admin and the engine REST API), granted at
 * start-up. Members of {@code camunda-admin} are the engine's administrators and may do everything; nobody else is
 * granted anything but this. A grant is created only where the group has no authorization for that resource yet, so
 * what an administrator changes in Camunda Admin (a permission revoked, another added) survives a restart.
 */
public final class GroupAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(GroupAuthorizations.class);

    /** One authorization: this permission set on one resource (id {@code *}: every resource of the type). */
    public record Grant(Resource resource, String resourceId, List<Permission> permissions) {

        static Grant on(Resource resource, String resourceId, Permission... permissions) {
            return new Grant(resource, resourceId, Arrays.asList(permissions));
        }

        static Grant onAll(Resource resource, Permission... permissions) {
            return on(resource, Authorization.ANY, permissions);
        }

        static Grant app(String application) {
            return on(Resources.APPLICATION, application, Permissions.ACCESS);
        }
    }

    /**
     * Credit controllers work their tasks in Tasklist and read the cases behind them; managers read everything in
     * Cockpit (and look into Tasklist) without changing anything; process designers deploy models, forms and
     * decisions from Modeler and watch them in Cockpit.
     */
    public static final Map<String, List<Grant>> GRANTS = Map.of(
            Groups.CREDIT_CONTROLLERS, List.of(
                    Grant.app("welcome"),
                    Grant.app("tasklist"),
                    Grant.onAll(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
                            ProcessDefinitionPermissions.TASK_WORK, ProcessDefinitionPermissions.READ_INSTANCE,
                            ProcessDefinitionPermissions.READ_HISTORY),
                    Grant.onAll(Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ),
                    Grant.onAll(Resources.TASK, TaskPermissions.READ, TaskPermissions.TASK_WORK),
                    Grant.onAll(Resources.HISTORIC_TASK, HistoricTaskPermissions.READ),
                    Grant.onAll(Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ),
                    // Tasklist reads a task's Camunda Form from the deployment it came with
                    Grant.onAll(Resources.DEPLOYMENT, Permissions.READ),
                    Grant.onAll(Resources.DECISION_DEFINITION, Permissions.READ),
                    Grant.onAll(Resources.USER, Permissions.READ),
                    Grant.onAll(Resources.GROUP, Permissions.READ)),
            Groups.CREDIT_MANAGERS, List.of(
                    Grant.app("welcome"),
                    Grant.app("cockpit"),
                    Grant.app("tasklist"),
                    Grant.onAll(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.READ_TASK,
                            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                            ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE, ProcessDefinitionPermissions.READ_TASK_VARIABLE,
                            ProcessDefinitionPermissions.READ_HISTORY_VARIABLE),
                    Grant.onAll(Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ),
                    Grant.onAll(Resources.TASK, TaskPermissions.READ, TaskPermissions.READ_VARIABLE),
                    Grant.onAll(Resources.HISTORIC_TASK, HistoricTaskPermissions.READ),
                    Grant.onAll(Resources.HISTORIC_PROCESS_INSTANCE, HistoricProcessInstancePermissions.READ),
                    Grant.onAll(Resources.DEPLOYMENT, Permissions.READ),
                    Grant.onAll(Resources.DECISION_DEFINITION, Permissions.READ, Permissions.READ_HISTORY),
                    Grant.onAll(Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ),
                    Grant.onAll(Resources.BATCH, Permissions.READ, Permissions.READ_HISTORY),
                    Grant.onAll(Resources.OPERATION_LOG_CATEGORY, UserOperationLogCategoryPermissions.READ),
                    Grant.onAll(Resources.REPORT, Permissions.READ),
                    Grant.onAll(Resources.DASHBOARD, Permissions.READ),
                    Grant.onAll(Resources.USER, Permissions.READ),
                    Grant.onAll(Resources.GROUP, Permissions.READ)),
            Groups.PROCESS_DESIGNERS, List.of(
                    Grant.app("welcome"),
                    Grant.app("cockpit"),
                    // not DELETE: deleting a deployment with cascade deletes every running case on it
                    Grant.onAll(Resources.DEPLOYMENT, Permissions.CREATE, Permissions.READ),
                    Grant.onAll(Resources.PROCESS_DEFINITION, ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.UPDATE,
                            ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                            ProcessDefinitionPermissions.SUSPEND),
                    Grant.onAll(Resources.PROCESS_INSTANCE, ProcessInstancePermissions.READ),
                    Grant.onAll(Resources.DECISION_DEFINITION, Permissions.READ, Permissions.UPDATE, Permissions.READ_HISTORY,
                            Permissions.CREATE_INSTANCE),
                    Grant.onAll(Resources.DECISION_REQUIREMENTS_DEFINITION, Permissions.READ)));

    private GroupAuthorizations() {
    }

    /**
     * Creates the grants a group has no authorization for yet; returns how many it created. The engine lets
     * {@code camunda-admin} do everything it checks, but the webapps ask whether a user may open an application
     * through the authorizations themselves; so the group gets ALL on every resource, as Camunda's own first admin
     * user does.
     */
    public static int grant(AuthorizationService authorizations) {
        int created = 0;
        for (Resources resource : Resources.values()) {
            created += grant(authorizations, Groups.CAMUNDA_ADMIN, Grant.onAll(resource, Permissions.ALL)) ? 1 : 0;
        }
        for (Map.Entry<String, List<Grant>> group : GRANTS.entrySet()) {
            for (Grant grant : group.getValue()) {
                created += grant(authorizations, group.getKey(), grant) ? 1 : 0;
            }
        }
        if (created > 0) {
            log.info("Granted {} Camunda authorizations to Purreflyt's groups", created);
        }
        return created;
    }

    /** Grants one group one permission set on a resource, unless the group has an authorization for it already. */
    public static boolean grant(AuthorizationService authorizations, String groupId, Grant grant) {
        long existing = authorizations.createAuthorizationQuery()
                .groupIdIn(groupId)
                .resourceType(grant.resource())
                .resourceId(grant.resourceId())
                .count();
        if (existing > 0) {
            return false;
        }
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        grant.permissions().forEach(authorization::addPermission);
        try {
            authorizations.saveAuthorization(authorization);
            return true;
        } catch (RuntimeException e) {
            // another node starting at the same moment granted it first (a unique constraint guards the table)
            if (authorizations.createAuthorizationQuery().groupIdIn(groupId).resourceType(grant.resource())
                    .resourceId(grant.resourceId()).count() > 0) {
                return false;
            }
            throw e;
        }
    }
}
