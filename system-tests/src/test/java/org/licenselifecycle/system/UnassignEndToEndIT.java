package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton end to end: a user is created, licensed, and unassigned through Graph's
 * assignLicense; the mailbox then leaves search and waits out the grace period while OneDrive stays where
 * it was, and the seat is free again at once. Turning Exchange Online off inside a license the user keeps does the
 * same to the mailbox, and turning it on again inside the grace period reconnects it.
 */
class UnassignEndToEndIT {

    private static final Duration GRACE = Duration.ofDays(30);
    /** Exchange Online (Plan 1), Business Premium's mailbox plan. */
    private static final String EXCHANGE_S_STANDARD = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
    }

    @Test
    void everyServiceServesHealthMetricsAndOpenApi() {
        for (ServiceProcess service : system.services()) {
            given().baseUri(service.baseUrl()).get("/q/health/live").then().statusCode(200);
            // readiness needs the database; the broker is reported (every 5 s), never required
            await(service.baseUrl() + " reports the broker").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().baseUri(service.baseUrl()).get("/q/health/ready").then().statusCode(200)
                            .body("checks.name", hasItems("Database connections health check", "Kafka broker"))
                            .body("checks.find { it.name == 'Kafka broker' }.status", equalTo("UP"))
                            .body("checks.find { it.name == 'Kafka broker' }.data.broker", equalTo("reachable")));
            given().baseUri(service.baseUrl()).get("/q/metrics").then().statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"));
            given().baseUri(service.baseUrl()).accept("application/json").get("/q/openapi").then().statusCode(200)
                    .body("openapi", startsWith("3."));
        }
    }

    @Test
    void unassigningBusinessPremiumDisconnectsTheMailboxForTheGracePeriodAndLeavesOneDrive() {
        AdminClient admin = new AdminClient(system);
        admin.buy(AdminClient.BUSINESS_PREMIUM, 5);
        String userId = admin.createUser("adele.vance");
        admin.assign(userId, AdminClient.BUSINESS_PREMIUM);

        await("mailbox provisioned").atMost(AdminClient.EVENTUALLY).untilAsserted(() -> {
            JsonPath mailbox = admin.mailbox(userId);
            assertThat(mailbox).isNotNull();
            assertThat(mailbox.getString("state")).isEqualTo("ACTIVE");
            assertThat(mailbox.getBoolean("searchable")).isTrue();
        });
        JsonPath oneDriveBefore = await("OneDrive provisioned").atMost(AdminClient.EVENTUALLY)
                .until(() -> admin.oneDrive(userId), json -> json != null);

        Instant beforeRemoval = Instant.now();
        admin.assignLicense(userId, List.of(), List.of(AdminClient.BUSINESS_PREMIUM)).then().statusCode(200);
        Instant afterRemoval = Instant.now();

        JsonPath mailbox = await("mailbox disconnected").atMost(AdminClient.EVENTUALLY)
                .until(() -> admin.mailbox(userId), json -> "DISCONNECTED".equals(json.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        Instant removedAt = Instant.parse(mailbox.getString("removedAt"));
        assertThat(removedAt).isBetween(beforeRemoval.minusSeconds(1), afterRemoval.plusSeconds(1));
        assertThat(Instant.parse(mailbox.getString("purgeAfter"))).isEqualTo(removedAt.plus(GRACE));
        assertThat(admin.oneDrive(userId).getMap("")).isEqualTo(oneDriveBefore.getMap(""));
        assertThat(admin.product(AdminClient.BUSINESS_PREMIUM))
                .containsEntry("assigned", 0)
                .containsEntry("available", 5);
    }

    @Test
    void turningExchangeOffInsideTheLicenseDisconnectsTheMailboxAndTurningItOnReconnectsIt() {
        AdminClient admin = new AdminClient(system);
        admin.buy(AdminClient.BUSINESS_PREMIUM, 5);
        String userId = admin.createUser("megan.bowen");
        admin.assign(userId, AdminClient.BUSINESS_PREMIUM);
        JsonPath provisioned = admin.awaitMailbox(userId, "ACTIVE");

        Instant beforeOff = Instant.now();
        admin.assignLicense(userId, List.of(Map.of("skuId", AdminClient.BUSINESS_PREMIUM,
                "disabledPlans", List.of(EXCHANGE_S_STANDARD))), List.of()).then().statusCode(200);
        Instant afterOff = Instant.now();

        JsonPath disconnected = admin.awaitMailbox(userId, "DISCONNECTED");
        assertThat(disconnected.getBoolean("searchable")).isFalse();
        Instant removedAt = Instant.parse(disconnected.getString("removedAt"));
        assertThat(removedAt).isBetween(beforeOff.minusSeconds(1), afterOff.plusSeconds(1));
        assertThat(Instant.parse(disconnected.getString("purgeAfter"))).isEqualTo(removedAt.plus(GRACE));
        // the license stays: only its Exchange plan is off, and no seat moves
        assertThat(admin.licensesOf(userId)).containsExactly(AdminClient.BUSINESS_PREMIUM);
        assertThat(admin.product(AdminClient.BUSINESS_PREMIUM)).containsEntry("assigned", 1);

        admin.assign(userId, AdminClient.BUSINESS_PREMIUM);

        JsonPath reconnected = admin.awaitMailbox(userId, "ACTIVE");
        assertThat(reconnected.getBoolean("searchable")).isTrue();
        assertThat(reconnected.getString("purgeAfter")).isNull();
        assertThat(reconnected.getString("provisionedAt")).isEqualTo(provisioned.getString("provisionedAt"));
    }
}
