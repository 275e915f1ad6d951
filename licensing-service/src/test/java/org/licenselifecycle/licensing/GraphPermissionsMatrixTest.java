package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.contract.roles.DirectoryRole.BILLING_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.GLOBAL_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.GLOBAL_READER;
import static org.licenselifecycle.contract.roles.DirectoryRole.HELPDESK_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.LICENSE_ADMINISTRATOR;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Licensing's operations called with tokens as Entra ID issues them: app-only with and without the permission
 * Graph's reference names (user-assignlicense, user-list-licensedetails, subscribedsku-list,
 * directory-list-subscriptions: the least privileged of each, written out here), delegated with and without that
 * scope and with and without an admin role that may do it (DESIGN.md). The admin API serves signed-in admins only: an
 * application's token is refused there whatever it holds. A refused assignment assigns nothing.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class GraphPermissionsMatrixTest {

    private static final String UNRELATED_SCOPE = "User.Read";
    private static final String UNRELATED_PERMISSION = "Mail.ReadWrite";

    /**
     * @param appOnly whether an application's token with {@code permission} may call it
     */
    record Operation(String name, String permission, boolean appOnly, DirectoryRole role, DirectoryRole weakRole,
            BiFunction<RequestSpecification, UUID, Response> call) {

        @Override
        public String toString() {
            return name;
        }
    }

    enum Caller {
        APP_WITH_PERMISSION, APP_WITHOUT_PERMISSION, DELEGATED_WITH_SCOPE_AND_ROLE, DELEGATED_WITHOUT_SCOPE,
        DELEGATED_WITHOUT_ROLE
    }

    static Stream<Arguments> calls() {
        List<Operation> operations = List.of(
                new Operation("POST /users/{id}/assignLicense", "LicenseAssignment.ReadWrite.All", true,
                        LICENSE_ADMINISTRATOR, GLOBAL_READER, (caller, user) -> caller.contentType(ContentType.JSON)
                                .body(TestTenant.add(BUSINESS_PREMIUM)).post("/v1.0/users/{id}/assignLicense", user)),
                new Operation("GET /users/{id}/licenseDetails", "User.Read.All", true, GLOBAL_READER,
                        HELPDESK_ADMINISTRATOR, (caller, user) -> caller.get("/v1.0/users/{id}/licenseDetails", user)),
                new Operation("GET /subscribedSkus", "Organization.Read.All", true, GLOBAL_READER, HELPDESK_ADMINISTRATOR,
                        (caller, user) -> caller.get("/v1.0/subscribedSkus")),
                new Operation("GET /directory/subscriptions", "Organization.Read.All", true, BILLING_ADMINISTRATOR,
                        HELPDESK_ADMINISTRATOR, (caller, user) -> caller.get("/v1.0/directory/subscriptions")),
                new Operation("GET /api/v1/licenses (Licenses page)", "LicenseAssignment.Read.All", false, GLOBAL_READER,
                        BILLING_ADMINISTRATOR, (caller, user) -> caller.get("/api/v1/licenses")),
                new Operation("POST /api/v1/licenses/{skuId}/unassign", "LicenseAssignment.ReadWrite.All", false,
                        LICENSE_ADMINISTRATOR, GLOBAL_READER, (caller, user) -> caller.contentType(ContentType.JSON)
                                .body(Map.of("userIds", List.of(user)))
                                .post("/api/v1/licenses/{skuId}/unassign", BUSINESS_PREMIUM)),
                new Operation("POST /api/v1/licenses/{skuId}/assign", "LicenseAssignment.ReadWrite.All", false,
                        LICENSE_ADMINISTRATOR, GLOBAL_READER, (caller, user) -> caller.contentType(ContentType.JSON)
                                .body(Map.of("userIds", List.of(user)))
                                .post("/api/v1/licenses/{skuId}/assign", BUSINESS_PREMIUM)));
        return operations.stream().flatMap(operation -> Stream.of(Caller.values()).map(c -> Arguments.of(operation, c)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("calls")
    void eachOperationAllowsWhatGraphAllowsAndRefusesTheRest(Operation operation, Caller caller) {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID user = tenant.newUser();
        if (operation.name().contains("unassign")) {
            tenant.assign(user, BUSINESS_PREMIUM);
        }
        String token = switch (caller) {
            case APP_WITH_PERMISSION -> DevTokens.app(tenant.id, operation.permission());
            case APP_WITHOUT_PERMISSION -> DevTokens.app(tenant.id, UNRELATED_PERMISSION);
            case DELEGATED_WITH_SCOPE_AND_ROLE -> DevTokens.delegated(tenant.id, List.of(operation.permission()),
                    operation.role());
            case DELEGATED_WITHOUT_SCOPE -> DevTokens.delegated(tenant.id, List.of(UNRELATED_SCOPE), GLOBAL_ADMINISTRATOR);
            case DELEGATED_WITHOUT_ROLE -> DevTokens.delegated(tenant.id, List.of(operation.permission()),
                    operation.weakRole());
        };
        boolean allowed = caller == Caller.DELEGATED_WITH_SCOPE_AND_ROLE
                || (caller == Caller.APP_WITH_PERMISSION && operation.appOnly());
        int[] seatsBefore = tenant.seats(BUSINESS_PREMIUM);

        Response response = operation.call().apply(given().auth().oauth2(token), user);

        if (allowed) {
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        } else {
            response.then().statusCode(403)
                    .body("error.code", equalTo("Authorization_RequestDenied"))
                    .body("error.message", equalTo("Insufficient privileges to complete the operation."));
            assertThat(tenant.seats(BUSINESS_PREMIUM)).as("a refused call changes nothing").containsExactly(seatsBefore);
        }
    }
}
