package org.licenselifecycle.directory.tenants;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.body;
import static org.licenselifecycle.directory.UserFixtures.createUser;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class TenantsTest {

    @Test
    void aWorldwideTenantGetsItsOnmicrosoftDomainAndTheWorldwideAdminCenterLinks() {
        UUID tenant = UUID.randomUUID();
        String name = unique("contoso");

        register(tenant, "{\"displayName\": \"Contoso\", \"domainName\": \"" + name + "\", \"cloudInstance\": \"worldwide\"}")
                .statusCode(201)
                .body("id", equalTo(tenant.toString()))
                .body("defaultDomain", equalTo(name + ".onmicrosoft.com"));

        as(tenant).when().get("/api/v1/tenants/current")
                .then().statusCode(200)
                .body("displayName", equalTo("Contoso"))
                .body("defaultDomain", equalTo(name + ".onmicrosoft.com"))
                .body("domains", equalTo(List.of(name + ".onmicrosoft.com")))
                .body("cloudInstance", equalTo("worldwide"))
                .body("adminCenter.licensesPage", equalTo("https://go.microsoft.com/fwlink/p/?linkid=842264"))
                .body("adminCenter.activeUsersPage", equalTo("https://go.microsoft.com/fwlink/p/?linkid=834822"));
    }

    @Test
    void aTenantOperatedBy21VianetGetsItsOwnDomainAndLinks() {
        UUID tenant = UUID.randomUUID();
        String name = unique("fabrikam");

        register(tenant, "{\"displayName\": \"Fabrikam\", \"domainName\": \"" + name + "\", \"cloudInstance\": \"21Vianet\"}")
                .statusCode(201);

        as(tenant, DirectoryRole.GLOBAL_READER).when().get("/api/v1/tenants/current")
                .then().statusCode(200)
                .body("defaultDomain", equalTo(name + ".partner.onmschina.cn"))
                .body("cloudInstance", equalTo("21Vianet"))
                .body("adminCenter.licensesPage", equalTo("https://go.microsoft.com/fwlink/p/?linkid=850625"))
                .body("adminCenter.activeUsersPage", equalTo("https://go.microsoft.com/fwlink/p/?linkid=850628"));
    }

    @Test
    void aRegisteredTenantsUsersMustUseItsDomain() {
        UUID tenant = UUID.randomUUID();
        String name = unique("northwind");
        register(tenant, "{\"displayName\": \"Northwind\", \"domainName\": \"" + name + "\"}").statusCode(201);

        asUserAdministrator(tenant).contentType(ContentType.JSON).body(body("outsider"))
                .when().post("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("The domain portion of the userPrincipalName property is invalid."
                        + " You must use one of the verified domain names in your organization."));
        Map<String, Object> body = body("insider");
        body.put("userPrincipalName", "insider@" + name.toUpperCase() + ".onmicrosoft.com");
        String id = asUserAdministrator(tenant).contentType(ContentType.JSON).body(body)
                .when().post("/v1.0/users").then().statusCode(201).extract().path("id");
        asUserAdministrator(tenant).contentType(ContentType.JSON).body("{\"userPrincipalName\": \"insider@contoso.com\"}")
                .when().patch("/v1.0/users/{id}", id)
                .then().statusCode(400);
        asUserAdministrator(tenant).when().get("/v1.0/users").then().body("value.userPrincipalName",
                equalTo(List.of("insider@" + name.toUpperCase() + ".onmicrosoft.com")));
    }

    @Test
    void aTenantNeverRegisteredAcceptsAnyDomainAndHasNoCurrentTenant() {
        UUID tenant = UUID.randomUUID();
        createUser(tenant, "anydomain");
        as(tenant).when().get("/api/v1/tenants/current")
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
    }

    @Test
    void aTenantIsRegisteredOnceAndADomainBelongsToOneTenant() {
        UUID tenant = UUID.randomUUID();
        String name = unique("tailspin");
        register(tenant, "{\"displayName\": \"Tailspin\", \"domainName\": \"" + name + "\"}").statusCode(201);

        register(tenant, "{\"displayName\": \"Again\", \"domainName\": \"" + unique("other") + "\"}").statusCode(409);
        register(UUID.randomUUID(), "{\"displayName\": \"Copycat\", \"domainName\": \"" + name + "\"}").statusCode(409);
        as(tenant).when().get("/api/v1/tenants/current").then().body("displayName", equalTo("Tailspin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"displayName\": \"X\"}", "{\"displayName\": \"\", \"domainName\": \"ok\"}",
        "{\"displayName\": \"X\", \"domainName\": \"Has-Dash\"}", "{\"displayName\": \"X\", \"domainName\": \"a.b\"}",
        "{\"displayName\": \"X\", \"domainName\": \"abcdefghijklmnopqrstuvwxyz12\"}",
        "{\"displayName\": \"X\", \"domainName\": \"ok\", \"cloudInstance\": \"gcc\"}",
        "{\"displayName\": 1, \"domainName\": \"ok\"}", "[]", "{\"displayName\": "})
    void anInvalidRegistrationIsABadRequestAndRegistersNothing(String json) {
        UUID tenant = UUID.randomUUID();
        register(tenant, json).statusCode(400);
        as(tenant).when().get("/api/v1/tenants/current").then().statusCode(404);
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"USER_ADMINISTRATOR", "LICENSE_ADMINISTRATOR", "GLOBAL_READER"})
    void onlyTheNewTenantsGlobalAdministratorMayRegisterIt(DirectoryRole role) {
        UUID tenant = UUID.randomUUID();
        as(tenant, role).contentType(ContentType.JSON)
                .body("{\"displayName\": \"X\", \"domainName\": \"" + unique("denied") + "\"}")
                .when().post("/api/v1/tenants")
                .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
        given().contentType(ContentType.JSON).body("{\"displayName\": \"X\", \"domainName\": \"anon\"}")
                .when().post("/api/v1/tenants").then().statusCode(401);
        as(tenant).when().get("/api/v1/tenants/current").then().statusCode(404);
    }

    private static ValidatableResponse register(UUID tenant, String json) {
        return as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/tenants").then();
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
