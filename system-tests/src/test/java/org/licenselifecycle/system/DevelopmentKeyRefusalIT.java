package org.licenselifecycle.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Postgres;

/**
 * A service and the admin console as built, launched under the prod profile as a misconfigured deployment would
 * launch them: with the committed development key, without an audience, with the demo sign-in. Each exits at
 * once, saying what to configure, instead of serving tokens anyone can forge.
 */
class DevelopmentKeyRefusalIT {

    private static final Duration START = Duration.ofSeconds(90);

    @Test
    void aServiceUnderTheProdProfileWithTheDevelopmentKeyAndNoAudienceRefusesToStart() {
        ServiceProcess directory = ServiceProcess.start("directory-service", "directory-service-prod-dev-key", Map.of(
                "QUARKUS_PROFILE", "prod",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "file:" + ServiceProcess.projectRoot().resolve("deploy/local/dev-keys/public-key.pem"),
                "MP_JWT_VERIFY_ISSUER", "https://login.license-lifecycle.dev/",
                // Flyway migrates before the application starts: a real database, so the refusal is what stops it
                "QUARKUS_DATASOURCE_JDBC_URL", Postgres.jdbcUrl("refusal"),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9"));
        try {
            assertThat(directory.awaitExit(START)).as(directory.output()).isNotZero();
            assertThat(directory.output())
                    .contains("Refusing to start under profile prod")
                    .contains("mp.jwt.verify.publickey.location=file:", "development key of deploy/local/dev-keys")
                    .contains("no audience", "MP_JWT_VERIFY_AUDIENCES");
        } finally {
            directory.close();
        }
    }

    @Test
    void theConsoleUnderTheProdProfileWithTheDemoSignInRefusesToStart() {
        ServiceProcess console = ServiceProcess.start("admin-console", "admin-console-prod-demo-sign-in", Map.of(
                "QUARKUS_PROFILE", "prod",
                "CONSOLE_DEMO_SIGN_IN_ENABLED", "true",
                "CONSOLE_DEMO_SIGN_IN_SIGNING_KEY", ServiceProcess.projectRoot().resolve("deploy/local/dev-keys/private-key.pem").toString()));
        try {
            assertThat(console.awaitExit(START)).as(console.output()).isNotZero();
            assertThat(console.output()).contains("Refusing to start under profile prod", "CONSOLE_DEMO_SIGN_IN_ENABLED");
        } finally {
            console.close();
        }
    }
}
