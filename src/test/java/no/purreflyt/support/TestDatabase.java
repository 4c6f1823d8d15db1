package no.purreflyt.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The PostgreSQL the integration tests run against: 127.0.0.1:5432/purreflyt_test unless the environment
 * says otherwise (PURREFLYT_TEST_DB_URL, PURREFLYT_TEST_DB_USER, PURREFLYT_TEST_DB_PASSWORD). As an
 * extension it fails a test class at once, with one line naming the URL, when the server cannot be
 * reached: never a silent skip, never a page of Spring context errors.
 */
public class TestDatabase implements BeforeAllCallback {

    public static final String URL = env("PURREFLYT_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/purreflyt_test");
    public static final String USER = env("PURREFLYT_TEST_DB_USER", "postgres");
    public static final String PASSWORD = env("PURREFLYT_TEST_DB_PASSWORD", "");

    private static volatile String unreachable;
    private static volatile boolean checked;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!checked) {
            synchronized (TestDatabase.class) {
                if (!checked) {
                    unreachable = probe();
                    checked = true;
                }
            }
        }
        if (unreachable != null) {
            throw new IllegalStateException(unreachable);
        }
    }

    /** Points a Spring test context at this database (from a {@code @DynamicPropertySource} method). */
    public static void register(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> URL);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
    }

    private static String probe() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        properties.setProperty("connectTimeout", "5");
        try (Connection ignored = DriverManager.getConnection(URL, properties)) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage().lines().findFirst().orElse("")
                    + "); start it or set PURREFLYT_TEST_DB_URL / _USER / _PASSWORD";
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
