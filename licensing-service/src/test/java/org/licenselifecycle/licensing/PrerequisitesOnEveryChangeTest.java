package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_ENTERPRISE;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.WORKPLACE_ANALYTICS;

import com.microsoft.graph.groups.item.assignlicense.AssignLicensePostRequestBody;
import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserLicensesReleaseRequested;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * The add-on rule ({@code AddOnPrerequisites}, {@code KeptForDependents}) on every change of a user's licenses, not only
 * a direct one: a group turning off the only Exchange Online a direct add-on needs keeps it on for that member
 * (ActiveWithError, DependencyViolation), a restore gives no add-on back without its prerequisite and says why, and an
 * offboarding's release keeps the direct prerequisite of an add-on that stays.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class PrerequisitesOnEveryChangeTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aGroupTurningOffTheOnlyExchangeOfADirectAddOnThroughTheSdkKeepsItOnForThatMemberOnly() {
        SalesWithAnAnalyst team = SalesWithAnAnalyst.create();
        TestTenant tenant = team.tenant();
        UUID analyst = team.analyst();

        GraphServiceClient graph = GraphSdkTest.client(tenant.licenseAdmin);
        AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
        AssignedLicense e3 = new AssignedLicense();
        e3.setSkuId(OFFICE_365_E3);
        e3.setDisabledPlans(List.of(EXCHANGE_S_ENTERPRISE));
        body.setAddLicenses(List.of(e3));
        body.setRemoveLicenses(List.of());
        graph.groups().byGroupId(team.sales().toString()).assignLicense().post(body);

        assertThat(disabledPlans(tenant, team.other())).containsExactly(EXCHANGE_S_ENTERPRISE.toString());
        assertThat(disabledPlans(tenant, analyst)).isEmpty();
        assertThat(OutboxEvents.lastStates(dataSource, analyst)).filteredOn(s -> team.sales().equals(s.assignedByGroup()))
                .singleElement().satisfies(state -> {
                    assertThat(state.state()).isEqualTo("ActiveWithError");
                    assertThat(state.error()).isEqualTo("DependencyViolation");
                });
        // the kept license still shows, on the user, the group it comes from and why it is in error
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", analyst).then().statusCode(200)
                .body("licenses.find { it.skuId == '" + OFFICE_365_E3 + "' }.keptBecause.state",
                        equalTo("ActiveWithError"))
                .body("licenses.find { it.skuId == '" + OFFICE_365_E3 + "' }.keptBecause.error",
                        equalTo("DependencyViolation"));
    }

    @Test
    void aRestoreGivesNoAddOnBackWithoutItsPrerequisiteAndSaysWhy() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 1);
        tenant.buy(WORKPLACE_ANALYTICS, 1);
        UUID returner = tenant.newUser();
        tenant.assign(returner, OFFICE_365_E3);
        tenant.assign(returner, WORKPLACE_ANALYTICS);
        delete(tenant, returner);
        tenant.assign(tenant.newUser(), OFFICE_365_E3);

        restore(tenant, returner);

        // Office 365 E3 has no seat left; Workplace Analytics alone would lack Exchange Online, so it stays out too
        assertThat(tenant.seats(WORKPLACE_ANALYTICS)).containsExactly(1, 0, 1);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then().statusCode(200)
                .body("licenses", empty())
                .body("restoreFailures.find { it.skuId == '" + OFFICE_365_E3 + "' }.reasonCode",
                        equalTo("NO_AVAILABLE_LICENSES"))
                .body("restoreFailures.find { it.skuId == '" + WORKPLACE_ANALYTICS + "' }.reasonCode",
                        equalTo("PREREQUISITE_MISSING"))
                .body("restoreFailures.find { it.skuId == '" + WORKPLACE_ANALYTICS + "' }.reason",
                        equalTo("Microsoft Workplace Analytics depends on a service plan that did not come back with "
                                + "it, so it was not given back; assign the license that gives that plan, then "
                                + "Microsoft Workplace Analytics."));
    }

    @Test
    void aRestoreGivesADirectAddOnBackWithThePrerequisiteItsGroupGivesAgain() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 1);
        tenant.buy(WORKPLACE_ANALYTICS, 1);
        UUID returner = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, returner);
        tenant.assign(returner, WORKPLACE_ANALYTICS);
        delete(tenant, returner);

        restore(tenant, returner);

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(1, 1, 0);
        assertThat(tenant.seats(WORKPLACE_ANALYTICS)).containsExactly(1, 1, 0);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then().statusCode(200)
                .body("licenses.find { it.skuId == '" + OFFICE_365_E3 + "' }.assignedByGroup", equalTo(sales.toString()))
                .body("restoreFailures", empty());
    }

    @Test
    void offboardingKeepsTheDirectPrerequisiteOfASelfServiceAddOnThatStays() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 2);
        UUID leaver = tenant.newUser();
        tenant.assign(leaver, OFFICE_365_E3);
        given().auth().oauth2(DevTokens.token(tenant.id, leaver)).contentType(ContentType.JSON)
                .body(Map.of("skuId", WORKPLACE_ANALYTICS, "licenses", 1, "boughtBy", "SELF_SERVICE",
                        "assignTo", List.of(leaver)))
                .post("/api/v1/subscriptions").then().statusCode(201);
        UserLicensesReleaseRequested request = new UserLicensesReleaseRequested(tenant.id, leaver,
                "leaver-" + leaver + "@contoso.example", UUID.randomUUID(), Instant.now());

        UserEvents.publish(UUID.randomUUID(), leaver, request);
        UserEvents.publishMarkerAfter(tenant, leaver);

        // the purchase is not the admin's to remove, and it needs the Exchange Online of Office 365 E3: both stay
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        assertThat(Db.outboxPayloads(dataSource, leaver, EventType.LICENSE_REMOVED.ceType()).stream()
                .map(p -> EventJson.read(p, LicenseRemoved.class))).isEmpty();
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", leaver).then().statusCode(200)
                .body("licenses.skuId", org.hamcrest.Matchers.containsInAnyOrder(OFFICE_365_E3.toString(),
                        WORKPLACE_ANALYTICS.toString()));
    }

    private static List<String> disabledPlans(TestTenant tenant, UUID user) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", user)
                .then().statusCode(200)
                .extract().path("licenses.find { it.skuId == '" + OFFICE_365_E3 + "' }.disabledPlans");
    }

    private static void delete(TestTenant tenant, UUID user) {
        UserEvents.publish(UUID.randomUUID(), user, new UserDeleted(tenant.id, user, "leaver-" + user + "@contoso.example",
                null, tenant.adminOid, Instant.now(), Instant.now().plus(Duration.ofDays(30))));
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.seats(OFFICE_365_E3)[1] == 0);
    }

    private static void restore(TestTenant tenant, UUID user) {
        UserEvents.publish(UUID.randomUUID(), user, new UserRestored(tenant.id, user, "leaver-" + user + "@contoso.example",
                tenant.adminOid, Instant.now()));
        UserEvents.publishMarkerAfter(tenant, user);
    }
}
