package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_ENTERPRISE;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_STANDARD;
import static org.licenselifecycle.licensing.Catalog.NOT_IN_CATALOG;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.TEAMS1;
import static org.licenselifecycle.licensing.TestTenant.add;
import static org.licenselifecycle.licensing.TestTenant.remove;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class AssignLicenseTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void addingALicenseReturnsTheUserInGraphsShapeAndTakesASeat() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM);
        UUID user = tenant.newUser("NL");

        tenant.assignLicense(user, add(BUSINESS_PREMIUM, TEAMS1))
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("'@odata.context'", startsWith("http://"))
                .body("'@odata.context'", endsWith("/v1.0/$metadata#users/$entity"))
                .body("id", equalTo(user.toString()))
                .body("userPrincipalName", startsWith("user-"))
                .body("displayName", startsWith("User user-"))
                .body("usageLocation", equalTo("NL"))
                .body("assignedLicenses.skuId", contains(BUSINESS_PREMIUM.toString()))
                .body("assignedLicenses[0].disabledPlans", contains(TEAMS1.toString()));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", user)
                .then().statusCode(200)
                .body("value.skuId", contains(BUSINESS_PREMIUM.toString()))
                .body("value[0].servicePlans.find { it.servicePlanName == 'TEAMS1' }.provisioningStatus", equalTo("Disabled"))
                .body("value[0].servicePlans.find { it.servicePlanName == 'EXCHANGE_S_STANDARD' }.provisioningStatus",
                        equalTo("Success"));
    }

    @Test
    void removingALicenseFreesItsSeatAndReturnsTheUserWithoutIt() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(OFFICE_365_E3, 2);
        UUID user = tenant.newUser();
        tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + BUSINESS_PREMIUM + "\"},{\"skuId\":\""
                + OFFICE_365_E3 + "\"}],\"removeLicenses\":[]}").then().statusCode(200)
                .body("assignedLicenses.skuId", containsInAnyOrder(BUSINESS_PREMIUM.toString(), OFFICE_365_E3.toString()));

        tenant.assignLicense(user, remove(BUSINESS_PREMIUM))
                .then().statusCode(200)
                .body("id", equalTo(user.toString()))
                .body("assignedLicenses.skuId", contains(OFFICE_365_E3.toString()));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 0, 5);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
    }

    @Test
    void theUserCanBeNamedByUserPrincipalNameInAnyCase() {
        TestTenant tenant = TestTenant.buying(1, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        String upn = given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(add(BUSINESS_PREMIUM))
                .post("/v1.0/users/{id}/assignLicense", user).then().statusCode(200).extract().path("userPrincipalName");

        tenant.assignLicense(upn.toUpperCase(), remove(BUSINESS_PREMIUM))
                .then().statusCode(200)
                .body("id", equalTo(user.toString()))
                .body("assignedLicenses", empty());
    }

    @Test
    void addingALicenseTheUserAlreadyHasChangesItsDisabledPlansWithoutTakingASeat() {
        TestTenant tenant = TestTenant.buying(1, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);

        tenant.assignLicense(user, add(BUSINESS_PREMIUM, EXCHANGE_S_STANDARD))
                .then().statusCode(200)
                .body("assignedLicenses[0].disabledPlans", contains(EXCHANGE_S_STANDARD.toString()));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(1, 1, 0);
    }

    @Test
    void aProductOutsideTheCatalogIsNotAValidCompanyLicenseAndChangesNothing() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);
        LicenseState before = LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM);

        refused(tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + NOT_IN_CATALOG + "\"}],\"removeLicenses\":[\""
                        + BUSINESS_PREMIUM + "\"]}"),
                "License " + NOT_IN_CATALOG + " does not correspond to a valid company License.");

        assertThat(LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM)).isEqualTo(before);
    }

    @Test
    void aProductTheTenantHasNoSubscriptionForIsNotAValidCompanyLicenseAndChangesNothing() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        // another tenant owning Office 365 E3 gives this tenant nothing
        new TestTenant().buy(OFFICE_365_E3, 10);
        LicenseState before = LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM, OFFICE_365_E3);

        refused(tenant.assignLicense(user, add(OFFICE_365_E3)),
                "License " + OFFICE_365_E3 + " does not correspond to a valid company License.");

        assertThat(LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM, OFFICE_365_E3)).isEqualTo(before);
    }

    @Test
    void removingALicenseTheUserLacksIsRefusedAndChangesNothing() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM, OFFICE_365_E3);
        UUID user = tenant.newUser();
        tenant.assign(user, OFFICE_365_E3);
        LicenseState before = LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM, OFFICE_365_E3);

        refused(tenant.assignLicense(user, remove(BUSINESS_PREMIUM)), "User does not have a corresponding license");
        refused(tenant.assignLicense(user, remove(NOT_IN_CATALOG)), "User does not have a corresponding license");

        assertThat(LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM, OFFICE_365_E3)).isEqualTo(before);
    }

    @Test
    void assigningWhenNoSeatIsLeftIsRefusedAndChangesNothing() {
        TestTenant tenant = TestTenant.buying(1, BUSINESS_PREMIUM);
        UUID first = tenant.newUser();
        UUID second = tenant.newUser();
        tenant.assign(first, BUSINESS_PREMIUM);
        LicenseState before = LicenseState.of(tenant, dataSource, second, BUSINESS_PREMIUM);

        refused(tenant.assignLicense(second, add(BUSINESS_PREMIUM)),
                "Subscription with SKU " + BUSINESS_PREMIUM + " does not have any available licenses.");

        assertThat(LicenseState.of(tenant, dataSource, second, BUSINESS_PREMIUM)).isEqualTo(before);
        assertThat(before.seats().get(0)).containsExactly(1, 1, 0);
    }

    @Test
    void aUserWithoutUsageLocationCannotBeGivenALicenseAndNothingChanges() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM);
        UUID user = tenant.newUser(null);
        LicenseState before = LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM);

        refused(tenant.assignLicense(user, add(BUSINESS_PREMIUM)),
                "License assignment cannot be done for user with invalid usage location.");

        assertThat(LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM)).isEqualTo(before);
    }

    @Test
    void disabledPlansMustBePlansOfTheProductOrNothingChanges() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        LicenseState before = LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM);

        // Exchange Online Plan 2 belongs to the E3s, not to Business Premium
        refused(tenant.assignLicense(user, add(BUSINESS_PREMIUM, EXCHANGE_S_ENTERPRISE)),
                "Service plan " + EXCHANGE_S_ENTERPRISE + " in disabledPlans is not part of license " + BUSINESS_PREMIUM + ".");

        assertThat(LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM)).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"removeLicenses\":[]}",
            "{\"addLicenses\":[{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\"}]}",
            "{\"addLicenses\":null,\"removeLicenses\":[]}",
            "{\"addLicenses\":[],\"removeLicenses\":[]}",
            "{}",
            "{\"addLicenses\":[{\"disabledPlans\":[]}],\"removeLicenses\":[]}",
            "{\"addLicenses\":[],\"removeLicenses\":[null]}",
            "{\"addLicenses\":[{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\"}],\"removeLicenses\":[\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\"]}",
            "{\"addLicenses\":[{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\"},{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\"}],\"removeLicenses\":[]}"
    })
    void bothArraysAreRequiredAndMustNameSomethingOrNothingChanges(String body) {
        isABadRequestThatChangesNothing(body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "{",
            "not json",
            "[]",
            "{\"addLicenses\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\",\"removeLicenses\":[]}",
            "{\"addLicenses\":[{\"skuId\":\"not-a-guid\"}],\"removeLicenses\":[]}",
            "{\"addLicenses\":[{\"skuId\":42}],\"removeLicenses\":[]}",
            "{\"addLicenses\":[],\"removeLicenses\":[\"not-a-guid\"]}",
            "{\"addLicenses\":[],\"removeLicenses\":{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\"}}",
            "{\"addLicenses\":[{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\",\"disabledPlans\":\"TEAMS1\"}],\"removeLicenses\":[]}"
    })
    void malformedJsonAndWrongTypesAreABadRequestInGraphsEnvelope(String body) {
        isABadRequestThatChangesNothing(body);
    }

    @Test
    void theRefusalSaysWhichArrayIsMissingOrThatBothAreEmpty() {
        TestTenant tenant = new TestTenant();
        UUID user = tenant.newUser();

        refused(tenant.assignLicense(user, "{\"removeLicenses\":[]}"),
                "Property 'addLicenses' is required; send an empty array when no license is to be added.");
        refused(tenant.assignLicense(user, "{\"addLicenses\":[]}"),
                "Property 'removeLicenses' is required; send an empty array when no license is to be removed.");
        refused(tenant.assignLicense(user, "{\"addLicenses\":[],\"removeLicenses\":[]}"),
                "addLicenses and removeLicenses are both empty: nothing to change.");
    }

    private void isABadRequestThatChangesNothing(String body) {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        LicenseState before = LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM);

        badRequest(tenant.assignLicense(user, body));

        assertThat(LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM)).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedInGraphsEnvelope() {
        TestTenant tenant = new TestTenant();
        UUID user = tenant.newUser();
        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.TEXT).body("addLicenses")
                .post("/v1.0/users/{id}/assignLicense", user)
                .then().statusCode(415)
                .body("error.code", equalTo("UnsupportedMediaType"));
    }

    @Test
    void aCallIsAllOrNothingWhenALaterRemovalIsRefused() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM, OFFICE_365_E3);
        UUID user = tenant.newUser();
        LicenseState before = LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM, OFFICE_365_E3);

        refused(tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + BUSINESS_PREMIUM
                        + "\"}],\"removeLicenses\":[\"" + OFFICE_365_E3 + "\"]}"),
                "User does not have a corresponding license");

        assertThat(LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM, OFFICE_365_E3)).isEqualTo(before);
    }

    @Test
    void aSeatAlreadyTakenInTheCallIsGivenBackWhenALaterProductHasNoSeat() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(APPS_FOR_BUSINESS, 1);
        tenant.assign(tenant.newUser(), APPS_FOR_BUSINESS);
        UUID user = tenant.newUser();
        LicenseState before = LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM, APPS_FOR_BUSINESS);

        // seats move in product order: Business Premium (cbdc...) is taken before Apps for business (cdd2...) fails
        refused(tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + APPS_FOR_BUSINESS + "\"},{\"skuId\":\""
                        + BUSINESS_PREMIUM + "\"}],\"removeLicenses\":[]}"),
                "Subscription with SKU " + APPS_FOR_BUSINESS + " does not have any available licenses.");

        assertThat(LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM, APPS_FOR_BUSINESS)).isEqualTo(before);
        assertThat(before.seats()).containsExactly(java.util.List.of(5, 0, 5), java.util.List.of(1, 1, 0));
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"GLOBAL_ADMINISTRATOR", "LICENSE_ADMINISTRATOR", "USER_ADMINISTRATOR"})
    void globalLicenseAndUserAdministratorsMayAssign(DirectoryRole role) {
        TestTenant tenant = TestTenant.buying(1, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();

        tenant.assignLicense(tenant.token(role), user, add(BUSINESS_PREMIUM)).then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"GLOBAL_READER", "BILLING_ADMINISTRATOR", "HELPDESK_ADMINISTRATOR"})
    void otherRolesAreDeniedAndNothingChanges(DirectoryRole role) {
        TestTenant tenant = TestTenant.buying(1, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        LicenseState before = LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM);

        tenant.assignLicense(tenant.token(role), user, add(BUSINESS_PREMIUM))
                .then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
        tenant.assignLicense(tenant.token(), user, add(BUSINESS_PREMIUM))
                .then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));

        assertThat(LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM)).isEqualTo(before);
    }

    @Test
    void aMissingBadOrExpiredTokenIsUnauthenticated() {
        TestTenant tenant = TestTenant.buying(1, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        LicenseState before = LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM);

        given().contentType(ContentType.JSON).body(add(BUSINESS_PREMIUM))
                .post("/v1.0/users/{id}/assignLicense", user)
                .then().statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
        for (String token : new String[] {"not-a-jwt",
                DevTokens.signedByStranger(tenant.id, DirectoryRole.GLOBAL_ADMINISTRATOR),
                DevTokens.expired(tenant.id, DirectoryRole.GLOBAL_ADMINISTRATOR)}) {
            tenant.assignLicense(token, user, add(BUSINESS_PREMIUM))
                    .then().statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
        }

        assertThat(LicenseState.of(tenant, dataSource, user, BUSINESS_PREMIUM)).isEqualTo(before);
    }

    @Test
    void anotherTenantsUserIsNotFoundAndKeepsItsLicenses() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM);
        TestTenant other = new TestTenant();
        other.buy(BUSINESS_PREMIUM, 5);
        UUID otherUser = other.newUser();
        other.assign(otherUser, BUSINESS_PREMIUM);
        LicenseState before = LicenseState.of(other, dataSource, otherUser, BUSINESS_PREMIUM);

        tenant.assignLicense(otherUser, remove(BUSINESS_PREMIUM))
                .then().statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"));
        tenant.assignLicense(otherUser, add(BUSINESS_PREMIUM)).then().statusCode(404);
        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", otherUser)
                .then().statusCode(404);

        assertThat(LicenseState.of(other, dataSource, otherUser, BUSINESS_PREMIUM)).isEqualTo(before);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 0, 5);
    }

    /**
     * A user licensing has not heard of may have been created a moment ago: licensing asks directory-service
     * (UnheardUsers), which these tests do not run, so the answer is Graph's 503 with Retry-After, never a 404 that
     * may be wrong. (With the real directory, an unknown user is a 404: system-tests' CreateThenLicenseIT.)
     */
    @Test
    void aUserLicensingHasNotHeardOfIsA503WithRetryAfterWhileTheDirectoryCannotBeAsked() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM);

        tenant.assignLicense(UUID.randomUUID(), add(BUSINESS_PREMIUM))
                .then().statusCode(503)
                .header("Retry-After", "2")
                .body("error.code", equalTo("serviceNotAvailable"));
        tenant.assignLicense("nobody@contoso.example", add(BUSINESS_PREMIUM)).then().statusCode(503)
                .header("Retry-After", "2");
        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", UUID.randomUUID())
                .then().statusCode(503).header("Retry-After", "2");
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 0, 5);
    }

    private static void refused(io.restassured.response.Response response, String message) {
        badRequest(response).body("error.message", equalTo(message));
    }

    private static ValidatableResponse badRequest(io.restassured.response.Response response) {
        return response.then().statusCode(400)
                .contentType(ContentType.JSON)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", notNullValue())
                .body("error.innerError.'request-id'", notNullValue())
                .body("error.innerError.date", notNullValue());
    }
}
