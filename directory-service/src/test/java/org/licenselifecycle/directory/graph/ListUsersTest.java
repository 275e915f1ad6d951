package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createUser;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class ListUsersTest {

    @Test
    void sevenUsersWalkThroughThreePagesOfAbsoluteNextLinksWithoutDuplicates() {
        UUID tenant = UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(createUser(tenant, "pager" + i));
        }

        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonPath page = (next == null
                    ? as(tenant, DirectoryRole.GLOBAL_READER).queryParam("$top", 3).when().get("/v1.0/users")
                    : as(tenant, DirectoryRole.GLOBAL_READER).urlEncodingEnabled(false).when().get(next))
                    .then().statusCode(200)
                    .body("'@odata.context'", equalTo(baseOf(next) + "/v1.0/$metadata#users"))
                    .extract().jsonPath();
            List<String> ids = page.getList("value.id");
            seen.addAll(ids);
            pageSizes.add(ids.size());
            next = page.getString("'@odata.nextLink'");
            if (next != null) {
                assertThat(next).startsWith("http://").contains("/v1.0/users?").contains("$top=3").contains("$skiptoken=");
            }
            pages++;
        } while (next != null && pages < 10);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void aPageThatHoldsTheLastUserHasNoNextLink() {
        UUID tenant = UUID.randomUUID();
        createUser(tenant, "one");
        createUser(tenant, "two");

        asUserAdministrator(tenant).queryParam("$top", 2).when().get("/v1.0/users")
                .then().statusCode(200)
                .body("value", hasSize(2))
                .body("$", not(hasKey("@odata.nextLink")));
        asUserAdministrator(tenant).when().get("/v1.0/users")
                .then().statusCode(200)
                .body("value", hasSize(2))
                .body("$", not(hasKey("@odata.nextLink")));
    }

    @Test
    void anEmptyTenantListsNoUsers() {
        asUserAdministrator(UUID.randomUUID()).when().get("/v1.0/users")
                .then().statusCode(200)
                .body("value", hasSize(0))
                .body("$", not(hasKey("@odata.nextLink")));
    }

    @Test
    void theNextLinkFollowsTheForwardedSchemeAndHostOfAProxy() {
        UUID tenant = UUID.randomUUID();
        createUser(tenant, "proxied1");
        createUser(tenant, "proxied2");

        asUserAdministrator(tenant)
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "graph.contoso.example")
                .queryParam("$top", 1)
                .when().get("/v1.0/users")
                .then().statusCode(200)
                .body("'@odata.context'", equalTo("https://graph.contoso.example/v1.0/$metadata#users"))
                .body("'@odata.nextLink'", startsWith("https://graph.contoso.example/v1.0/users?$top=1&$skiptoken="));
    }

    @Test
    void selectReturnsOnlyTheChosenPropertiesAndKeepsThemAcrossPages() {
        UUID tenant = UUID.randomUUID();
        createUser(tenant, "sel1");
        createUser(tenant, "sel2");

        JsonPath first = asUserAdministrator(tenant)
                .queryParam("$select", "displayName,USERPRINCIPALNAME")
                .queryParam("$top", 1)
                .when().get("/v1.0/users")
                .then().statusCode(200)
                .body("'@odata.context'", equalTo(baseOf(null) + "/v1.0/$metadata#users(displayName,userPrincipalName)"))
                .extract().jsonPath();
        Map<String, Object> user = first.getMap("value[0]");
        assertThat(user).containsOnlyKeys("displayName", "userPrincipalName");
        String next = first.getString("'@odata.nextLink'");
        assertThat(next).contains("$select=displayName,userPrincipalName");

        Map<String, Object> second = asUserAdministrator(tenant).urlEncodingEnabled(false).when().get(next)
                .then().statusCode(200)
                .extract().jsonPath().getMap("value[0]");
        assertThat(second).containsOnlyKeys("displayName", "userPrincipalName");
        assertThat(new HashSet<>(List.of(user.get("userPrincipalName"), second.get("userPrincipalName"))))
                .containsExactlyInAnyOrder("sel1@contoso.com", "sel2@contoso.com");
    }

    @Test
    void selectAppliesToASingleUserToo() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "single");

        Map<String, Object> user = asUserAdministrator(tenant).queryParam("$select", "id,usageLocation")
                .when().get("/v1.0/users/{id}", id)
                .then().statusCode(200)
                .body("'@odata.context'", equalTo(baseOf(null) + "/v1.0/$metadata#users(id,usageLocation)/$entity"))
                .extract().jsonPath().getMap("$");
        assertThat(user).containsOnlyKeys("@odata.context", "id", "usageLocation");
    }

    @Test
    void selectingAnUnknownPropertyIsABadRequest() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "unknownprop");

        asUserAdministrator(tenant).queryParam("$select", "displayName,passwordProfile")
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("Could not find a property named 'passwordProfile' on type 'microsoft.graph.user'."));
        asUserAdministrator(tenant).queryParam("$select", "shoeSize")
                .when().get("/v1.0/users/{id}", id)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1000", "-1", "ten", "", "3.5"})
    void aPageSizeOutsideOneTo999IsABadRequest(String top) {
        asUserAdministrator(UUID.randomUUID()).queryParam("$top", top)
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("Invalid page size specified: '" + top + "'. Must be between 1 and 999 inclusive."));
    }

    @Test
    void theLargestPageSizeIsAccepted() {
        asUserAdministrator(UUID.randomUUID()).queryParam("$top", 999)
                .when().get("/v1.0/users")
                .then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "dTE6bm90LWEtdXVpZA", "!!!"})
    void aSkipTokenWeDidNotIssueIsABadRequest(String token) {
        asUserAdministrator(UUID.randomUUID()).queryParam("$skiptoken", token)
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$expand", "$skip", "$format", "$compute"})
    void anOptionNotImplementedIsRefusedRatherThanIgnored(String option) {
        // as Graph refuses $skip on /users
        asUserAdministrator(UUID.randomUUID()).queryParam(option, "displayName")
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("'" + option + "' is not supported by the service."));
    }

    /** The scheme and authority the service answered with; REST-assured's own when not yet known. */
    private static String baseOf(String link) {
        if (link != null) {
            return link.substring(0, link.indexOf("/v1.0/"));
        }
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
    }
}
