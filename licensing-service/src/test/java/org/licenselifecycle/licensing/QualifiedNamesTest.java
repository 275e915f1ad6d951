package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.TestTenant.add;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

/**
 * assignLicense under each name Graph accepts for it: plain (the v5+ SDKs), namespace-qualified
 * ({@code microsoft.graph.assignLicense}: Set-MgUserLicense and the SDK generations before), with the namespace's
 * alias, and with the namespace in another case. service-support's QualifiedNames brings them to the one resource method.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class QualifiedNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"assignLicense", "microsoft.graph.assignLicense", "graph.assignLicense",
        "Microsoft.Graph.assignLicense"})
    void assignLicenseAnswersUnderEachOfItsNamesByIdAndByUserPrincipalName(String action) {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UserCreated byName = UserEvents.userCreated(tenant.id, "named-" + UUID.randomUUID() + "@contoso.example", "US");
        UserEvents.publish(UUID.randomUUID(), byName);
        tenant.awaitKnown(byName.userId());
        UUID byId = tenant.newUser();

        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(add(BUSINESS_PREMIUM))
                .post("/v1.0/users/{id}/" + action, byId)
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#users/$entity"))
                .body("id", equalTo(byId.toString()))
                .body("assignedLicenses.skuId", contains(BUSINESS_PREMIUM.toString()));
        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(add(BUSINESS_PREMIUM))
                .post("/v1.0/users/{upn}/" + action, byName.userPrincipalName().toUpperCase())
                .then().statusCode(200)
                .body("id", equalTo(byName.userId().toString()));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 2, 3);
    }

    /**
     * The request {@code Set-MgUserLicense -UserId $id -AddLicenses @{SkuId = $bp} -RemoveLicenses @($e3)} sends, as
     * its {@code -Debug} output shows it (microsoftgraph/msgraph-sdk-powershell#3201, comment of 2025-03-03:
     * "Call remote 'POST /users/{user-id}/microsoft.graph.assignLicense' operation", Absolute Uri
     * https://graph.microsoft.com/v1.0/users/{id}/microsoft.graph.assignLicense, headers FeatureFlag 00000003,
     * Cache-Control "no-store, no-cache", a Mozilla/5.0 PowerShell User-Agent), with the SdkVersion and
     * client-request-id headers the module adds and its JSON body, replayed against this service.
     */
    @Test
    void theRequestSetMgUserLicenseSendsSwapsTheLicensesAndEchoesItsClientRequestId() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(OFFICE_365_E3, 5);
        UUID user = tenant.newUser();
        tenant.assign(user, OFFICE_365_E3);
        String clientRequestId = UUID.randomUUID().toString();

        given().auth().oauth2(tenant.licenseAdmin)
                .header("Content-Type", "application/json")
                .header("FeatureFlag", "00000003")
                .header("Cache-Control", "no-store, no-cache")
                .header("User-Agent", "Mozilla/5.0,(Windows NT 10.0; Microsoft Windows 10.0.26100; en-US),PowerShell/7.5.0")
                .header("SdkVersion", "graph-powershell/2.26.1")
                .header("client-request-id", clientRequestId)
                .header("Accept-Encoding", "gzip,deflate,br")
                .body("{\"addLicenses\":[{\"disabledPlans\":[],\"skuId\":\"" + BUSINESS_PREMIUM + "\"}],"
                        + "\"removeLicenses\":[\"" + OFFICE_365_E3 + "\"]}")
                .post("/v1.0/users/{id}/microsoft.graph.assignLicense", user)
                .then().statusCode(200)
                .header("client-request-id", clientRequestId)
                .header("request-id", notNullValue())
                .body("id", equalTo(user.toString()))
                .body("assignedLicenses.skuId", contains(BUSINESS_PREMIUM.toString()));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(5, 0, 5);
    }

    @Test
    void aQualifiedCallIsRefusedAsThePlainOneIsAndChangesNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID user = tenant.newUser();

        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON)
                .body("{\"addLicenses\":[],\"removeLicenses\":[\"" + BUSINESS_PREMIUM + "\"]}")
                .post("/v1.0/users/{id}/microsoft.graph.assignLicense", user)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("User does not have a corresponding license"));
        given().auth().oauth2(tenant.token(DirectoryRole.GLOBAL_READER))
                .contentType(ContentType.JSON).body(add(BUSINESS_PREMIUM))
                .post("/v1.0/users/{id}/microsoft.graph.assignLicense", user)
                .then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 0, 5);
    }

    @Test
    void aQualifiedNameThisServiceDoesNotBindIsNotFound() {
        TestTenant tenant = new TestTenant();
        UUID user = tenant.newUser();

        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(add(BUSINESS_PREMIUM))
                .post("/v1.0/users/{id}/microsoft.graph.assignLicenses", user)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        // licenseDetails is a navigation property, not an action or a cast: no qualified name
        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/microsoft.graph.licenseDetails", user)
                .then().statusCode(404);
        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body("{}")
                .post("/v1.0/users/{id}/microsoft.graph.restore", user)
                .then().statusCode(404);
    }
}
