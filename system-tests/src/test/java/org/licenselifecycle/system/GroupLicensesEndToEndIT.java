package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Group-based licensing end to end: a membership from directory's events and the group's product from Graph's group
 * assignLicense give the member a mailbox; leaving the group takes the license away (LicenseRemoved, cause
 * NO_LONGER_INHERITED), which data-lifecycle applies as any removal: the mailbox leaves search and waits out the grace
 * period.
 */
class GroupLicensesEndToEndIT {

    private static final Duration GRACE = Duration.ofDays(30);

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
    }

    @Test
    void aMemberWhoLeavesTheGroupLosesTheInheritedLicenseAndTheMailboxStartsItsGracePeriod() {
        AdminClient admin = new AdminClient(system);
        admin.buy(AdminClient.BUSINESS_PREMIUM, 2);
        String userId = admin.createUser("megan.bowen");
        UUID sales = UUID.randomUUID();
        GroupMemberships.publish(admin.tenantId, sales, "Sales", userId, true);
        await("licensing has heard of Sales and licenses it").atMost(AdminClient.EVENTUALLY).until(() ->
                given().baseUri(system.licensing.baseUrl()).auth().oauth2(admin.licenseAdmin).contentType(ContentType.JSON)
                        .body("{\"addLicenses\":[{\"skuId\":\"" + AdminClient.BUSINESS_PREMIUM + "\"}],\"removeLicenses\":[]}")
                        .post("/v1.0/groups/{id}/assignLicense", sales).statusCode() == 200);
        admin.awaitMailbox(userId, "ACTIVE");
        assertThat(admin.product(AdminClient.BUSINESS_PREMIUM).get("assigned")).isEqualTo(1);

        Instant beforeLeaving = Instant.now();
        GroupMemberships.publish(admin.tenantId, sales, "Sales", userId, false);

        JsonPath mailbox = admin.awaitMailbox(userId, "DISCONNECTED");
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        Instant removedAt = Instant.parse(mailbox.getString("removedAt"));
        assertThat(removedAt).isAfterOrEqualTo(beforeLeaving.minusSeconds(1));
        assertThat(Instant.parse(mailbox.getString("purgeAfter"))).isEqualTo(removedAt.plus(GRACE));
        assertThat(admin.product(AdminClient.BUSINESS_PREMIUM).get("assigned")).isEqualTo(0);
    }
}
