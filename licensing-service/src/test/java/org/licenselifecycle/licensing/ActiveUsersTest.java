package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.TEAMS1;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

/** The Active users page: one user's licenses, clearing some and saving, unassigning all from many users. */
@QuarkusTest
@WithTestResource(Rig.class)
class ActiveUsersTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void oneUsersLicensesAreShownWithTheirProductsAndDisabledPlans() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID user = tenant.newUser("NL");
        tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + BUSINESS_PREMIUM + "\",\"disabledPlans\":[\""
                + TEAMS1 + "\"]}],\"removeLicenses\":[]}").then().statusCode(200);

        given().auth().oauth2(tenant.token(DirectoryRole.GLOBAL_READER)).get("/api/v1/users/{id}/licenses", user)
                .then().statusCode(200)
                .body("userId", equalTo(user.toString()))
                .body("usageLocation", equalTo("NL"))
                .body("accountEnabled", equalTo(true))
                .body("licenses.skuId", contains(BUSINESS_PREMIUM.toString()))
                .body("licenses[0].skuPartNumber", equalTo("SPB"))
                .body("licenses[0].productName", equalTo("Microsoft 365 Business Premium"))
                .body("licenses[0].disabledPlans", contains(TEAMS1.toString()))
                .body("restoreFailures", empty());
    }

    @Test
    void clearingSomeLicensesAndSavingUnassignsExactlyThose() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(OFFICE_365_E3, 5);
        tenant.buy(APPS_FOR_BUSINESS, 5);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);
        tenant.assign(user, OFFICE_365_E3);
        tenant.assign(user, APPS_FOR_BUSINESS);

        keep(tenant, tenant.licenseAdmin, user, "{\"skuIds\":[\"" + OFFICE_365_E3 + "\"]}")
                .then().statusCode(200)
                .body("licenses.skuId", contains(OFFICE_365_E3.toString()));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 0, 5);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(5, 0, 5);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(5, 1, 4);
        assertThat(removals(user)).extracting(LicenseRemoved::skuId)
                .containsExactlyInAnyOrder(BUSINESS_PREMIUM, APPS_FOR_BUSINESS);
        assertThat(removals(user)).allSatisfy(r -> assertThat(r.removedBy()).isEqualTo(tenant.adminOid));

        keep(tenant, tenant.licenseAdmin, user, "{\"skuIds\":[]}").then().statusCode(200).body("licenses", empty());
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(5, 0, 5);
    }

    @Test
    void keepingALicenseTheUserDoesNotHoldIsRefusedAndChangesNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(OFFICE_365_E3, 5);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);

        for (String body : List.of("{\"skuIds\":[\"" + OFFICE_365_E3 + "\"]}", "{}", "{\"skuIds\":[null]}",
                "{\"skuIds\":[\"SPB\"]}", "")) {
            keep(tenant, tenant.licenseAdmin, user, body).then().statusCode(400)
                    .body("error.code", equalTo("Request_BadRequest"));
        }
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
        assertThat(removals(user)).isEmpty();
        keep(tenant, tenant.token(DirectoryRole.GLOBAL_READER), user, "{\"skuIds\":[]}").then().statusCode(403);
        keep(new TestTenant(), new TestTenant().licenseAdmin, user, "{\"skuIds\":[]}").then().statusCode(404);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
    }

    @Test
    void unassigningAllFromSeveralUsersRemovesEveryLicenseOfEach() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(OFFICE_365_E3, 5);
        UUID ada = tenant.newUser();
        UUID grace = tenant.newUser();
        UUID unlicensed = tenant.newUser();
        UUID bystander = tenant.newUser();
        tenant.assign(ada, BUSINESS_PREMIUM);
        tenant.assign(ada, OFFICE_365_E3);
        tenant.assign(grace, OFFICE_365_E3);
        tenant.assign(bystander, BUSINESS_PREMIUM);

        unassignAll(tenant, tenant.licenseAdmin, List.of(ada, grace, unlicensed))
                .then().statusCode(200)
                .body("users", hasSize(3))
                .body("users.find { it.userId == '" + ada + "' }.removedSkuIds",
                        containsInAnyOrder(BUSINESS_PREMIUM.toString(), OFFICE_365_E3.toString()));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(5, 0, 5);
        assertThat(removals(ada)).hasSize(2);
        assertThat(removals(grace)).hasSize(1);
        LicenseRemoved last = removals(ada).stream().filter(r -> r.skuId().equals(OFFICE_365_E3)).findFirst().orElseThrow();
        assertThat(last.exchangeOnlineRetained()).isFalse();
    }

    @Test
    void unassigningAllWithAnUnknownUserIsRefusedAndChangesNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID ada = tenant.newUser();
        tenant.assign(ada, BUSINESS_PREMIUM);
        UUID stranger = new TestTenant().newUser();

        unassignAll(tenant, tenant.licenseAdmin, List.of(ada, stranger))
                .then().statusCode(400)
                .body("error.message", equalTo("User " + stranger + " does not exist in this tenant."));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
        assertThat(removals(ada)).isEmpty();
    }

    private List<LicenseRemoved> removals(UUID user) {
        return Db.outboxPayloads(dataSource, user, EventType.LICENSE_REMOVED.ceType()).stream()
                .map(p -> EventJson.read(p, LicenseRemoved.class)).toList();
    }

    private static io.restassured.response.Response keep(TestTenant tenant, String token, UUID user, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).put("/api/v1/users/{id}/licenses", user);
    }

    private static io.restassured.response.Response unassignAll(TestTenant tenant, String token, List<UUID> users) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("userIds", users))
                .post("/api/v1/users/unassignAll");
    }
}
