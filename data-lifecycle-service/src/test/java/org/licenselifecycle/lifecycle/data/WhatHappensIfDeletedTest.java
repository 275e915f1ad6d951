package org.licenselifecycle.lifecycle.data;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.AdminApi.placeHold;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.OFFICE_365_E3;
import static org.licenselifecycle.lifecycle.Licenses.at;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.awaitAllApplied;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.lifecycle.Licenses.Sku;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * What deleting a user does to their data, as lifecycle answers directory-service's offboarding: the mailbox's purge
 * date or inactive mailbox, and OneDrive kept for the tenant's own retention.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class WhatHappensIfDeletedTest {

    private static final String DELETED_AT = "2026-11-27T09:00:00Z";

    private static JsonPath ifDeleted(TestUser user, DirectoryRole role) {
        return given().auth().oauth2(DevTokens.token(user.tenantId(), role))
                .queryParam("deletedAt", DELETED_AT)
                .get("/api/v1/users/{userId}/dataOutcome/ifDeleted", user.userId())
                .then().statusCode(200).extract().jsonPath();
    }

    private static TestUser licensed(Sku sku) {
        TestUser user = TestUser.create();
        publish(user.assigned(sku, at("2026-11-02T09:00:00Z")));
        awaitAllApplied();
        awaitMailbox(user, json -> true);
        return user;
    }

    @Test
    void forADefaultTenantTheMailboxIsPurgedAndOneDriveDeletedThirtyDaysAfterTheDeletion() {
        TestUser user = licensed(BUSINESS_PREMIUM);

        JsonPath outcome = ifDeleted(user, DirectoryRole.USER_ADMINISTRATOR);

        assertThat(outcome.getString("userId")).isEqualTo(user.userId().toString());
        assertThat(outcome.getString("mailbox")).isEqualTo("SOFT_DELETED");
        assertThat(outcome.getString("mailboxPurgeAfter")).isEqualTo("2026-12-27T09:00:00Z");
        assertThat(outcome.getString("mailboxSummary")).contains("purged after 2026-12-27 unless a hold applies")
                .contains("inactive mailbox");
        assertThat(outcome.getInt("oneDriveRetentionDays")).isEqualTo(30);
        assertThat(outcome.getString("oneDriveDeleteAfter")).isEqualTo("2026-12-27T09:00:00Z");
        assertThat(outcome.getString("secondaryOwnerId")).isNull();
        // asking changes nothing
        assertThat(awaitMailbox(user, json -> true).getString("state")).isEqualTo("ACTIVE");
    }

    @Test
    void aTenantsChangedOneDriveRetentionAndSecondaryOwnerAreTheAnswer() {
        TestUser user = licensed(BUSINESS_PREMIUM);
        UUID secondaryOwner = UUID.randomUUID();
        asGlobalAdmin(user).body(Map.of("days", 90)).put("/api/v1/tenant/onedrive-retention").then().statusCode(200);
        asGlobalAdmin(user).body(Map.of("userId", secondaryOwner.toString()))
                .put("/api/v1/tenant/onedrive-secondary-owner").then().statusCode(200);

        JsonPath outcome = ifDeleted(user, DirectoryRole.GLOBAL_ADMINISTRATOR);

        assertThat(outcome.getInt("oneDriveRetentionDays")).isEqualTo(90);
        assertThat(outcome.getString("oneDriveDeleteAfter")).isEqualTo("2027-02-25T09:00:00Z");
        assertThat(outcome.getString("oneDriveSummary")).contains("90 days, until 2027-02-25");
        assertThat(outcome.getString("secondaryOwnerId")).isEqualTo(secondaryOwner.toString());
        assertThat(outcome.getString("mailboxPurgeAfter")).as("the mailbox's rule is not OneDrive's")
                .isEqualTo("2026-12-27T09:00:00Z");
    }

    @Test
    void aHeldMailboxBecomesInactiveUnderAnEnterprisePlanAndIsKeptUnpurgedOtherwise() {
        TestUser standard = licensed(BUSINESS_PREMIUM);
        TestUser enterprise = licensed(OFFICE_365_E3);
        placeHold(standard, "LITIGATION_HOLD");
        placeHold(enterprise, "LITIGATION_HOLD");

        JsonPath held = ifDeleted(standard, DirectoryRole.USER_ADMINISTRATOR);
        JsonPath inactive = ifDeleted(enterprise, DirectoryRole.USER_ADMINISTRATOR);

        assertThat(held.getString("mailbox")).isEqualTo("SOFT_DELETED");
        assertThat(held.getString("mailboxPurgeAfter")).isNull();
        assertThat(inactive.getString("mailbox")).isEqualTo("INACTIVE");
        assertThat(inactive.getString("mailboxPurgeAfter")).isNull();
        assertThat(inactive.getString("mailboxSummary")).contains("becomes an inactive mailbox");
    }

    @Test
    void aUserWithoutMailboxStillHasTheTenantsOneDriveAnswer() {
        JsonPath outcome = ifDeleted(TestUser.create(), DirectoryRole.USER_ADMINISTRATOR);

        assertThat(outcome.getString("mailbox")).isEqualTo("NO_MAILBOX");
        assertThat(outcome.getString("mailboxPurgeAfter")).isNull();
        assertThat(outcome.getString("oneDriveDeleteAfter")).isEqualTo("2026-12-27T09:00:00Z");
    }

    @Test
    void aBadInstantOrIdIsABadRequestAndARoleThatMayNotReadUserDataIsRefused() {
        TestUser user = TestUser.create();
        given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .queryParam("deletedAt", "yesterday")
                .get("/api/v1/users/{userId}/dataOutcome/ifDeleted", user.userId())
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .get("/api/v1/users/{userId}/dataOutcome/ifDeleted", "not-a-guid")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.HELPDESK_ADMINISTRATOR))
                .get("/api/v1/users/{userId}/dataOutcome/ifDeleted", user.userId())
                .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
    }

    private static io.restassured.specification.RequestSpecification asGlobalAdmin(TestUser user) {
        return given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .contentType(ContentType.JSON);
    }
}
