package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.expect;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.TestTenant.add;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.ResponseSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Only Global, License and User Administrators put licenses on users, by any path (assignLicense, group
 * licenses, a self-service purchase's assignTo, take over), or the purchaser of a self-service purchase,
 * for that purchase only: a self-service purchase is made by the user who buys it, never by an admin and
 * never on another's behalf. A refusal is Graph's 403 and changes nothing.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class PuttingLicensesOnUsersTest {

    private static final Set<DirectoryRole> ASSIGNERS = Set.of(DirectoryRole.GLOBAL_ADMINISTRATOR,
            DirectoryRole.LICENSE_ADMINISTRATOR, DirectoryRole.USER_ADMINISTRATOR);
    /** group-assignlicense allows the Groups Administrator too (License, Groups, User Administrator). */
    private static final Set<DirectoryRole> GROUP_ASSIGNERS = Set.of(DirectoryRole.GLOBAL_ADMINISTRATOR,
            DirectoryRole.LICENSE_ADMINISTRATOR, DirectoryRole.USER_ADMINISTRATOR, DirectoryRole.GROUPS_ADMINISTRATOR);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aBillingAdministratorCannotLicenseAUserThroughASelfServicePurchaseAndTakeOver() {
        TestTenant tenant = new TestTenant();
        UUID purchaser = tenant.newUser();
        UUID user = tenant.newUser();
        String billing = DevTokens.token(tenant.id, tenant.newUser(), DirectoryRole.BILLING_ADMINISTRATOR);

        buy(billing, Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 3, "boughtBy", "SELF_SERVICE",
                "purchaser", Map.of("id", purchaser, "displayName", "Ada Lovelace"), "assignTo", List.of(user)))
                .then().spec(denied());
        given().auth().oauth2(billing).post("/api/v1/subscriptions/{id}/takeOver", UUID.randomUUID()).then().statusCode(404);

        assertNothingAssigned(tenant, user);
        assertNoSubscription(tenant);
    }

    @ParameterizedTest
    @EnumSource(DirectoryRole.class)
    void aCallerHoldingAnAdminRoleNeverMakesASelfServicePurchaseEvenForThemselves(DirectoryRole role) {
        TestTenant tenant = new TestTenant();
        UUID admin = tenant.newUser();
        UUID user = tenant.newUser();
        String token = DevTokens.token(tenant.id, admin, role);

        buy(token, Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 3, "boughtBy", "SELF_SERVICE", "assignTo", List.of(user)))
                .then().spec(denied());
        buy(token, Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 3, "boughtBy", "SELF_SERVICE",
                "purchaser", Map.of("id", admin, "displayName", "Me"))).then().spec(denied());

        assertNothingAssigned(tenant, user);
        assertNothingAssigned(tenant, admin);
        assertNoSubscription(tenant);
    }

    @ParameterizedTest
    @EnumSource(DirectoryRole.class)
    void globalLicenseAndUserAdministratorsAssignDirectlyAndThroughAGroupAndGroupsAdministratorsOnlyThroughAGroup(DirectoryRole role) {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        tenant.buy(OFFICE_365_E3, 2);
        UUID user = tenant.newUser();
        String token = tenant.token(role);
        boolean assigner = ASSIGNERS.contains(role);

        ValidatableResponse direct = tenant.assignLicense(token, user, add(BUSINESS_PREMIUM)).then();
        UUID sales = UUID.randomUUID();
        Groups.join(tenant, sales, "Sales", user);
        ValidatableResponse group = given().auth().oauth2(token).contentType(ContentType.JSON).body(add(OFFICE_365_E3))
                .post("/v1.0/groups/{id}/assignLicense", sales).then();
        // Active users only clears: a product the user does not hold is never added
        ValidatableResponse keep = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("skuIds", List.of(BUSINESS_PREMIUM, OFFICE_365_E3, APPS_FOR_BUSINESS)))
                .put("/api/v1/users/{id}/licenses", user).then();

        if (assigner) {
            direct.statusCode(200);
            group.statusCode(202);
            keep.statusCode(400);
            licenses(tenant, user).body("value.skuId", containsInAnyOrder(BUSINESS_PREMIUM.toString(),
                    OFFICE_365_E3.toString()));
        } else if (GROUP_ASSIGNERS.contains(role)) {
            // the Groups Administrator gives the group products, but assigns nothing directly nor on Active users
            direct.spec(denied());
            group.statusCode(202);
            keep.spec(denied());
            licenses(tenant, user).body("value.skuId", containsInAnyOrder(OFFICE_365_E3.toString()));
        } else {
            direct.spec(denied());
            group.spec(denied());
            keep.spec(denied());
            assertNothingAssigned(tenant, user);
        }
    }

    @Test
    void callersWithoutAnyRoleAssignNothingDirectlyNorThroughAGroup() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        UUID user = tenant.newUser();
        String token = DevTokens.token(tenant.id, tenant.newUser());

        tenant.assignLicense(token, user, add(BUSINESS_PREMIUM)).then().spec(denied());
        UUID sales = UUID.randomUUID();
        Groups.join(tenant, sales, "Sales", user);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(add(BUSINESS_PREMIUM))
                .post("/v1.0/groups/{id}/assignLicense", sales).then().spec(denied());
        assertNothingAssigned(tenant, user);
    }

    @Test
    void aUserBuysForThemselvesGivesTheLicensesOutAndATakeOverGivesNobodyElseOne() {
        TestTenant tenant = new TestTenant();
        UUID purchaser = tenant.newUser();
        UUID colleague = tenant.newUser();
        UUID bystander = tenant.newUser();
        String token = DevTokens.token(tenant.id, purchaser);

        String purchase = buy(token, Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 3, "boughtBy", "SELF_SERVICE",
                "assignTo", List.of(purchaser, colleague)))
                .then().statusCode(201)
                .body("purchaser.id", equalTo(purchaser.toString()))
                .body("purchaser.displayName", equalTo(displayName(purchaser)))
                .body("assignable", equalTo(false))
                .extract().path("id");
        licenses(tenant, purchaser).body("value.skuId", contains(APPS_FOR_BUSINESS.toString()));
        licenses(tenant, colleague).body("value.skuId", contains(APPS_FOR_BUSINESS.toString()));
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(0, 0, 0);

        given().auth().oauth2(tenant.token(DirectoryRole.BILLING_ADMINISTRATOR))
                .post("/api/v1/subscriptions/{id}/takeOver", purchase).then().statusCode(200);

        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(3, 2, 1);
        licenses(tenant, purchaser).body("value.skuId", contains(APPS_FOR_BUSINESS.toString()));
        licenses(tenant, colleague).body("value.skuId", contains(APPS_FOR_BUSINESS.toString()));
        assertNothingAssigned(tenant, bystander);
    }

    @Test
    void aUserMayNameThemselvesAsPurchaserButNoOneElse() {
        TestTenant tenant = new TestTenant();
        UUID purchaser = tenant.newUser();
        UUID colleague = tenant.newUser();
        String token = DevTokens.token(tenant.id, purchaser);

        buy(token, Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 1, "boughtBy", "SELF_SERVICE",
                "purchaser", Map.of("id", colleague, "displayName", "Someone Else"), "assignTo", List.of(colleague)))
                .then().spec(denied());
        assertNothingAssigned(tenant, colleague);

        buy(token, Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 1, "boughtBy", "SELF_SERVICE",
                "purchaser", Map.of("id", purchaser, "displayName", "Whatever I Type"), "assignTo", List.of(colleague)))
                .then().statusCode(201)
                .body("purchaser.displayName", equalTo(displayName(purchaser)));
        licenses(tenant, colleague).body("value.skuId", contains(APPS_FOR_BUSINESS.toString()));
    }

    @Test
    void aUserWithoutARoleCannotBuyForTheTenantAndAStrangerCannotBuyAtAll() {
        TestTenant tenant = new TestTenant();
        UUID user = tenant.newUser();
        String token = DevTokens.token(tenant.id, user);

        buy(token, Map.of("skuId", BUSINESS_PREMIUM, "licenses", 5)).then().spec(denied());
        buy(token, Map.of("skuId", BUSINESS_PREMIUM, "licenses", 5, "boughtBy", "CSP")).then().spec(denied());
        // an object id licensing does not know as a user of the tenant (another tenant's user, an application)
        buy(DevTokens.token(tenant.id, UUID.randomUUID()), Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 1,
                "boughtBy", "SELF_SERVICE", "assignTo", List.of(user))).then().spec(denied());

        assertNothingAssigned(tenant, user);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(0, 0, 0);
    }

    private static Response buy(String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions");
    }

    private static ResponseSpecification denied() {
        return expect().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"))
                .body("error.message", equalTo("Insufficient privileges to complete the operation."));
    }

    private static ValidatableResponse licenses(TestTenant tenant, UUID user) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", user).then().statusCode(200);
    }

    private String displayName(UUID user) {
        return (String) Db.value(dataSource, "SELECT display_name FROM directory_user WHERE user_id = ?", user);
    }

    private static void assertNoSubscription(TestTenant tenant) {
        given().auth().oauth2(tenant.globalAdmin).get("/api/v1/subscriptions").then().statusCode(200).body("", empty());
    }

    private void assertNothingAssigned(TestTenant tenant, UUID user) {
        licenses(tenant, user).body("value", empty());
        assertThat(Db.outboxEvents(dataSource, user)).as("events announced for the user").isZero();
    }
}
