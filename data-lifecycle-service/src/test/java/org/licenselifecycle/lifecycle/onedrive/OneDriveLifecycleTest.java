package org.licenselifecycle.lifecycle.onedrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.AdminApi.awaitOneDrive;
import static org.licenselifecycle.lifecycle.AdminApi.mailbox;
import static org.licenselifecycle.lifecycle.AdminApi.oneDrive;
import static org.licenselifecycle.lifecycle.Licenses.APPS_FOR_BUSINESS;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.EXCHANGE_ONLINE_PLAN_1;
import static org.licenselifecycle.lifecycle.Licenses.OFFICE_365_E3;
import static org.licenselifecycle.lifecycle.Licenses.at;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.awaitAllApplied;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.ServicePlan;
import org.licenselifecycle.lifecycle.Licenses;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.testsupport.Rig;

/** OneDrive comes with a SharePoint or OneDrive plan, and a license removal never touches it. */
@QuarkusTest
@WithTestResource(Rig.class)
class OneDriveLifecycleTest {

    @Test
    void aLicenseWithSharePointProvisionsTheUsersOneDrive() {
        TestUser user = TestUser.create();
        Instant assignedAt = at("2026-03-02T09:00:00Z");

        publish(user.assigned(BUSINESS_PREMIUM, assignedAt));

        JsonPath oneDrive = awaitOneDrive(user);
        assertThat(oneDrive.getString("userId")).isEqualTo(user.userId().toString());
        assertThat(oneDrive.getString("tenantId")).isEqualTo(user.tenantId().toString());
        assertThat(oneDrive.getString("userPrincipalName")).isEqualTo(user.userPrincipalName());
        assertThat(oneDrive.getString("state")).isEqualTo("ACTIVE");
        assertThat(oneDrive.getString("url")).isEqualTo("https://contoso-my.sharepoint.com/personal/"
                + user.userPrincipalName().replace('.', '_').replace('@', '_'));
        assertThat(Instant.parse(oneDrive.getString("provisionedAt"))).isEqualTo(assignedAt);
    }

    @Test
    void officeForTheWebAloneGivesNoOneDriveAsLicensingsCatalogSays() {
        // SHAREPOINTWAC is Office for the Web, not a OneDrive: the event says so, whatever the plan's name suggests
        TestUser user = TestUser.create();
        Licenses.Sku officeForTheWeb = new Licenses.Sku(UUID.fromString("4b9405b0-7788-4568-add1-99614e613b69"),
                "EXCHANGESTANDARD", true, false, false, List.of(Licenses.EXCHANGE_S_STANDARD,
                        new ServicePlan(UUID.fromString("e95bec33-7c88-4a70-8e19-b10bd9d0c014"), "SHAREPOINTWAC")));

        publish(user.assigned(officeForTheWeb, at("2026-03-02T09:00:00Z")));

        awaitMailbox(user, json -> true);
        awaitAllApplied();
        assertThat(oneDrive(user).statusCode()).isEqualTo(404);
    }

    @Test
    void anOlderEventWithoutTheCatalogsWordIsJudgedByItsPlansNamesAsBefore() {
        TestUser user = TestUser.create();

        publish(user.assignedInAnOlderEvent(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));

        assertThat(awaitOneDrive(user).getString("state")).isEqualTo("ACTIVE");
    }

    @Test
    void aLicenseWithOnlyTheOneDrivePlanProvisionsOneDriveButNoMailbox() {
        TestUser user = TestUser.create();

        publish(user.assigned(APPS_FOR_BUSINESS, at("2026-03-02T09:00:00Z")));

        assertThat(awaitOneDrive(user).getString("state")).isEqualTo("ACTIVE");
        awaitAllApplied();
        assertThat(mailbox(user).statusCode()).isEqualTo(404);
    }

    @Test
    void aLicenseWithoutSharePointOrOneDriveProvisionsNoOneDrive() {
        TestUser user = TestUser.create();

        publish(user.assigned(EXCHANGE_ONLINE_PLAN_1, at("2026-03-02T09:00:00Z")));

        awaitMailbox(user, json -> true);
        awaitAllApplied();
        assertThat(oneDrive(user).statusCode()).isEqualTo(404);
    }

    @Test
    void removingTheLicenseLeavesOneDriveExactlyAsItWas() {
        TestUser user = TestUser.create();
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        JsonPath before = awaitOneDrive(user);

        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), at("2026-03-10T12:00:00Z")));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));

        JsonPath after = awaitOneDrive(user);
        assertThat(after.getString("state")).isEqualTo("ACTIVE");
        assertThat(after.getString("url")).isEqualTo(before.getString("url"));
        assertThat(after.getMap("")).isEqualTo(before.getMap(""));
    }

    @Test
    void evenARemovalBecauseTheUserWasDeletedLeavesOneDriveToTheUserDeletion() {
        TestUser user = TestUser.create();
        publish(user.assigned(OFFICE_365_E3, at("2026-03-02T09:00:00Z")));
        JsonPath before = awaitOneDrive(user);

        publish(new LicenseRemoved(user.tenantId(), user.userId(), user.userPrincipalName(), OFFICE_365_E3.skuId(),
                OFFICE_365_E3.skuPartNumber(), OFFICE_365_E3.servicePlans(), true, false, RemovalReason.USER_DELETED,
                null, at("2026-03-10T12:00:00Z")));
        awaitAllApplied();

        assertThat(awaitOneDrive(user).getMap("")).isEqualTo(before.getMap(""));
    }

    @Test
    void assigningAnotherLicenseKeepsTheSameOneDrive() {
        TestUser user = TestUser.create();
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        JsonPath before = awaitOneDrive(user);

        publish(user.assigned(OFFICE_365_E3, at("2026-03-05T09:00:00Z")));
        awaitAllApplied();

        assertThat(awaitOneDrive(user).getMap("")).isEqualTo(before.getMap(""));
    }
}
