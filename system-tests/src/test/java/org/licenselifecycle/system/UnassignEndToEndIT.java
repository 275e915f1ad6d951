package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.support.security.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.Postgres;

/**
 * The three services as built, each in its own JVM and database, on a real PostgreSQL and Kafka: a user is
 * created, licensed, and unassigned through Graph's assignLicense; the mailbox then leaves search and waits
 * out the grace period while OneDrive stays where it was.
 */
class UnassignEndToEndIT {

    private static final String BUSINESS_PREMIUM = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final Duration GRACE = Duration.ofDays(30);

    private static ServiceProcess directory;
    private static ServiceProcess licensing;
    private static ServiceProcess lifecycle;

    @BeforeAll
    static void startTheSystem() {
        String kafka = Kafka.bootstrapServers();
        directory = ServiceProcess.start("directory-service", environment("directory", kafka));
        licensing = ServiceProcess.start("licensing-service", environment("licensing", kafka));
        lifecycle = ServiceProcess.start("data-lifecycle-service", environment("lifecycle", kafka));
        directory.awaitReady();
        licensing.awaitReady();
        lifecycle.awaitReady();
    }

    @AfterAll
    static void stopTheSystem() {
        for (ServiceProcess service : new ServiceProcess[] {directory, licensing, lifecycle}) {
            if (service != null) {
                service.close();
            }
        }
    }

    private static Map<String, String> environment(String database, String kafka) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", Postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "KAFKA_BOOTSTRAP_SERVERS", kafka);
    }

    @Test
    void everyServiceServesHealthMetricsAndOpenApi() {
        for (ServiceProcess service : List.of(directory, licensing, lifecycle)) {
            given().baseUri(service.baseUrl()).get("/q/health/live").then().statusCode(200);
            given().baseUri(service.baseUrl()).get("/q/health/ready").then().statusCode(200)
                    .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
            given().baseUri(service.baseUrl()).get("/q/metrics").then().statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
            given().baseUri(service.baseUrl()).accept("application/json").get("/q/openapi").then().statusCode(200)
                    .body("openapi", startsWith("3."));
        }
    }

    @Test
    void unassigningBusinessPremiumDisconnectsTheMailboxForTheGracePeriodAndLeavesOneDrive() {
        UUID tenant = UUID.randomUUID();
        String admin = DevTokens.token(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR);
        String licenseAdmin = DevTokens.token(tenant, DirectoryRole.LICENSE_ADMINISTRATOR);

        given().baseUri(licensing.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("skuId", BUSINESS_PREMIUM, "licenses", 5))
                .post("/api/v1/subscriptions")
                .then().statusCode(201);

        String userId = given().baseUri(directory.baseUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of(
                        "accountEnabled", true,
                        "displayName", "Adele Vance",
                        "mailNickname", "adele.vance",
                        "userPrincipalName", "adele.vance@contoso.onmicrosoft.com",
                        "usageLocation", "US",
                        "passwordProfile", Map.of("forceChangePasswordNextSignIn", true, "password", "xWwvJ]6NMw+bWH-d")))
                .post("/v1.0/users")
                .then().statusCode(201)
                .extract().path("id");

        // licensing learns of the user from directory.user-events; until then the user is unknown to it
        await("licensing knows the new user").atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().baseUri(licensing.baseUrl()).auth().oauth2(licenseAdmin).contentType(ContentType.JSON)
                        .body(Map.of("addLicenses", List.of(Map.of("skuId", BUSINESS_PREMIUM, "disabledPlans", List.of())),
                                "removeLicenses", List.of()))
                        .post("/v1.0/users/{id}/assignLicense", userId)
                        .then().statusCode(200));

        await("mailbox provisioned").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath mailbox = mailbox(userId, licenseAdmin);
            assertThat(mailbox.getString("state")).isEqualTo("ACTIVE");
            assertThat(mailbox.getBoolean("searchable")).isTrue();
        });
        JsonPath oneDriveBefore = await("OneDrive provisioned").atMost(Duration.ofSeconds(60))
                .until(() -> oneDrive(userId, licenseAdmin), json -> json != null);

        Instant beforeRemoval = Instant.now();
        given().baseUri(licensing.baseUrl()).auth().oauth2(licenseAdmin).contentType(ContentType.JSON)
                .body(Map.of("addLicenses", List.of(), "removeLicenses", List.of(BUSINESS_PREMIUM)))
                .post("/v1.0/users/{id}/assignLicense", userId)
                .then().statusCode(200);
        Instant afterRemoval = Instant.now();

        JsonPath mailbox = await("mailbox disconnected").atMost(Duration.ofSeconds(60))
                .until(() -> mailbox(userId, licenseAdmin), json -> "DISCONNECTED".equals(json.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        Instant removedAt = Instant.parse(mailbox.getString("removedAt"));
        assertThat(removedAt).isBetween(beforeRemoval.minusSeconds(1), afterRemoval.plusSeconds(1));
        assertThat(Instant.parse(mailbox.getString("purgeAfter"))).isEqualTo(removedAt.plus(GRACE));

        JsonPath oneDriveAfter = oneDrive(userId, licenseAdmin);
        assertThat(oneDriveAfter.getMap("")).isEqualTo(oneDriveBefore.getMap(""));

        // the seat is free again at once
        given().baseUri(licensing.baseUrl()).auth().oauth2(licenseAdmin)
                .get("/api/v1/licenses")
                .then().statusCode(200)
                .body("find { it.skuId == '" + BUSINESS_PREMIUM + "' }.assigned", equalTo(0))
                .body("find { it.skuId == '" + BUSINESS_PREMIUM + "' }.available", equalTo(5));
    }

    private static JsonPath mailbox(String userId, String token) {
        return given().baseUri(lifecycle.baseUrl()).auth().oauth2(token)
                .get("/api/v1/users/{id}/mailbox", userId)
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static JsonPath oneDrive(String userId, String token) {
        var response = given().baseUri(lifecycle.baseUrl()).auth().oauth2(token)
                .get("/api/v1/users/{id}/onedrive", userId);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }
}
