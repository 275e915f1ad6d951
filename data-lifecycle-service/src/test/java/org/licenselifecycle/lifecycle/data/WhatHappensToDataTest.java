package org.licenselifecycle.lifecycle.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.AdminApi.placeHold;
import static org.licenselifecycle.lifecycle.Licenses.APPS_FOR_BUSINESS;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.OFFICE_365_E3;
import static org.licenselifecycle.lifecycle.Licenses.at;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.awaitAllApplied;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.lifecycle.Licenses.Sku;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.testsupport.Rig;

/** The Unassign box's answer: what removing some of a user's licenses would do to their data, from lifecycle's rules. */
@QuarkusTest
@WithTestResource(Rig.class)
class WhatHappensToDataTest {

    private static final Instant NOW = at("2026-03-20T10:00:00Z");

    @Inject
    MovableClock clock;

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    private static JsonPath ifRemoved(TestUser user, DirectoryRole role, Sku... skus) {
        return given().auth().oauth2(DevTokens.token(user.tenantId(), role))
                .queryParam("skuId", Arrays.stream(skus).map(sku -> sku.skuId().toString()).toArray())
                .get("/api/v1/users/{userId}/dataOutcome", user.userId())
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath ifRemoved(TestUser user, Sku... skus) {
        return ifRemoved(user, DirectoryRole.LICENSE_ADMINISTRATOR, skus);
    }

    private static TestUser licensed(Sku... skus) {
        TestUser user = TestUser.create();
        for (Sku sku : skus) {
            publish(user.assigned(sku, at("2026-03-02T09:00:00Z")));
        }
        awaitAllApplied();
        awaitMailbox(user, json -> true);
        return user;
    }

    @Test
    void removingTheLastMailboxLicenseDisconnectsTheMailboxUntilTheGracePeriodEnds() {
        TestUser user = licensed(BUSINESS_PREMIUM);
        clock.fixAt(NOW);

        JsonPath outcome = ifRemoved(user, BUSINESS_PREMIUM);

        assertThat(outcome.getString("userId")).isEqualTo(user.userId().toString());
        assertThat(outcome.getString("mailbox")).isEqualTo("DISCONNECTED");
        assertThat(outcome.getString("purgeAfter")).isEqualTo("2026-04-19T10:00:00Z");
        assertThat(outcome.getString("gracePeriodEnds")).isEqualTo("2026-04-19T10:00:00Z");
        assertThat(outcome.getBoolean("labelledItemsKept")).isTrue();
        assertThat(outcome.getString("oneDrive")).isEqualTo("UNCHANGED");
        // asking changes nothing
        assertThat(awaitMailbox(user, json -> true).getString("state")).isEqualTo("ACTIVE");
    }

    @Test
    void anotherMailboxLicenseKeepsTheMailboxAndRemovingAllTakesIt() {
        TestUser user = licensed(BUSINESS_PREMIUM, OFFICE_365_E3);

        JsonPath oneOfTwo = ifRemoved(user, BUSINESS_PREMIUM);
        JsonPath all = ifRemoved(user);

        assertThat(oneOfTwo.getString("mailbox")).isEqualTo("KEPT_THROUGH_ANOTHER_LICENSE");
        assertThat(oneOfTwo.getString("keptThrough")).isEqualTo(OFFICE_365_E3.skuId().toString());
        assertThat(oneOfTwo.getString("purgeAfter")).isNull();
        assertThat(all.getString("mailbox")).isEqualTo("DISCONNECTED");
        assertThat(ifRemoved(user, BUSINESS_PREMIUM, OFFICE_365_E3).getString("mailbox")).isEqualTo("DISCONNECTED");
    }

    @Test
    void aProductRemovedEarlierNoLongerKeepsTheMailbox() {
        TestUser user = licensed(BUSINESS_PREMIUM, OFFICE_365_E3);
        publish(user.removedKeepingExchange(BUSINESS_PREMIUM, UUID.randomUUID(), at("2026-03-03T09:00:00Z")));
        awaitAllApplied();

        assertThat(ifRemoved(user, OFFICE_365_E3).getString("mailbox")).isEqualTo("DISCONNECTED");
    }

    @Test
    void aHoldKeepsTheMailboxAndUnderAnEnterprisePlanMakesItInactiveWhenTheUserIsDeleted() {
        TestUser standard = licensed(BUSINESS_PREMIUM);
        TestUser enterprise = licensed(OFFICE_365_E3);
        placeHold(standard, "LITIGATION_HOLD");
        placeHold(enterprise, "EDISCOVERY_HOLD");

        JsonPath held = ifRemoved(standard, BUSINESS_PREMIUM);
        JsonPath heldEnterprise = ifRemoved(enterprise, OFFICE_365_E3);

        assertThat(held.getString("mailbox")).isEqualTo("HELD");
        assertThat(held.getList("holds")).containsExactly("LITIGATION_HOLD");
        assertThat(held.getString("purgeAfter")).isNull();
        assertThat(held.getBoolean("inactiveWhenUserDeleted")).isFalse();
        assertThat(heldEnterprise.getString("mailbox")).isEqualTo("HELD");
        assertThat(heldEnterprise.getBoolean("inactiveWhenUserDeleted")).isTrue();
    }

    @Test
    void aProductWithoutExchangeOrAUserWithoutMailboxLeavesTheMailboxAsItIs() {
        TestUser user = licensed(BUSINESS_PREMIUM);
        publish(user.assigned(APPS_FOR_BUSINESS, at("2026-03-02T10:00:00Z")));
        awaitAllApplied();

        assertThat(ifRemoved(user, APPS_FOR_BUSINESS).getString("mailbox")).isEqualTo("NOT_LICENSED_BY_THESE");
        assertThat(ifRemoved(TestUser.create(), BUSINESS_PREMIUM).getString("mailbox")).isEqualTo("NO_MAILBOX");
        // another tenant's user is as unknown as an absent one
        assertThat(ifRemoved(user.inAnotherTenant(), BUSINESS_PREMIUM).getString("mailbox")).isEqualTo("NO_MAILBOX");
    }

    @Test
    void aBadIdIsABadRequestAndARoleThatMayNotReadUserDataIsRefused() {
        TestUser user = licensed(BUSINESS_PREMIUM);

        given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .get("/api/v1/users/{userId}/dataOutcome", "not-a-guid")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .queryParam("skuId", "not-a-guid")
                .get("/api/v1/users/{userId}/dataOutcome", user.userId())
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.HELPDESK_ADMINISTRATOR))
                .get("/api/v1/users/{userId}/dataOutcome", user.userId())
                .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
    }
}
