package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.body;
import static org.licenselifecycle.directory.UserFixtures.deleteUser;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class FilterUsersTest {

    private UUID tenant;

    @BeforeEach
    void fourUsers() {
        tenant = UUID.randomUUID();
        create("alex", "Alex Wilber", "US", true);
        create("allan", "Allan Deyoung", "US", false);
        create("megan", "Megan Bowen", "DE", true);
        create("o.brien", "Pat O'Brien", "IE", true);
    }

    @Test
    void userPrincipalNameEqFindsOneUserWhateverTheCase() {
        assertThat(filtered("userPrincipalName eq 'MEGAN@contoso.com'")).containsExactly("megan@contoso.com");
    }

    @Test
    void accountEnabledAndUsageLocationCombineWithAnd() {
        assertThat(filtered("accountEnabled eq false")).containsExactly("allan@contoso.com");
        assertThat(filtered("usageLocation eq 'US'")).containsExactlyInAnyOrder("alex@contoso.com", "allan@contoso.com");
        assertThat(filtered("usageLocation eq 'US' and accountEnabled eq true")).containsExactly("alex@contoso.com");
        assertThat(filtered("accountEnabled eq true AND usageLocation eq 'DE'")).containsExactly("megan@contoso.com");
    }

    @Test
    void startsWithOnDisplayNameAndQuotedQuotes() {
        assertThat(filtered("startswith(displayName,'al')")).containsExactlyInAnyOrder("alex@contoso.com", "allan@contoso.com");
        assertThat(filtered("startswith(displayName, 'Pat O''B')")).containsExactly("o.brien@contoso.com");
        assertThat(filtered("displayName eq 'pat o''brien'")).containsExactly("o.brien@contoso.com");
        assertThat(filtered("startswith(displayName,'%')")).isEmpty();
        assertThat(filtered("startswith(userPrincipalName,'meg') and usageLocation eq 'DE'")).containsExactly("megan@contoso.com");
    }

    @Test
    void aFilterNeverReachesDeletedOrAnotherTenantsUsers() {
        String id = asUserAdministrator(tenant).queryParam("$filter", "userPrincipalName eq 'megan@contoso.com'")
                .when().get("/v1.0/users").then().extract().path("value[0].id");
        deleteUser(tenant, id);

        assertThat(filtered("userPrincipalName eq 'megan@contoso.com'")).isEmpty();
        asUserAdministrator(UUID.randomUUID()).queryParam("$filter", "usageLocation eq 'US'")
                .when().get("/v1.0/users").then().statusCode(200).body("value", equalTo(List.of()));
    }

    @Test
    void theNextLinkKeepsTheFilter() {
        JsonPath first = asUserAdministrator(tenant).queryParam("$filter", "accountEnabled eq true")
                .queryParam("$top", 2)
                .when().get("/v1.0/users").then().statusCode(200).extract().jsonPath();
        String next = first.getString("'@odata.nextLink'");
        assertThat(next).contains("$filter=accountEnabled%20eq%20true");

        List<String> all = new ArrayList<>(first.getList("value.userPrincipalName"));
        all.addAll(asUserAdministrator(tenant).urlEncodingEnabled(false).when().get(next)
                .then().statusCode(200).extract().jsonPath().getList("value.userPrincipalName"));
        assertThat(all).containsExactlyInAnyOrder("alex@contoso.com", "megan@contoso.com", "o.brien@contoso.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jobTitle eq 'Buyer'", "accountEnabled ne true", "usageLocation eq 'US' or accountEnabled eq true",
        "endswith(mail,'@contoso.com')", "usageLocation eq 'US' and usageLocation eq 'DE'", "not accountEnabled eq true",
        "startswith(jobTitle,'B')"})
    void aFilterThisServiceCannotRunIsRefused(String filter) {
        asUserAdministrator(tenant).queryParam("$filter", filter)
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_UnsupportedQuery"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "accountEnabled eq", "accountEnabled eq 'true'", "usageLocation eq US",
        "userPrincipalName eq 'unterminated", "startswith(displayName 'x')", "startswith(displayName,'x'",
        "usageLocation eq 'US' and"})
    void aMalformedFilterIsABadRequest(String filter) {
        asUserAdministrator(tenant).queryParam("$filter", filter)
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"));
    }

    @Test
    void deletedItemsCannotBeFiltered() {
        asUserAdministrator(tenant).queryParam("$filter", "accountEnabled eq true")
                .when().get("/v1.0/directory/deletedItems/microsoft.graph.user")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("'$filter' is not supported by the service."));
    }

    private List<String> filtered(String filter) {
        return asUserAdministrator(tenant).queryParam("$filter", filter)
                .when().get("/v1.0/users")
                .then().statusCode(200)
                .extract().jsonPath().getList("value.userPrincipalName");
    }

    private void create(String alias, String displayName, String usageLocation, boolean enabled) {
        Map<String, Object> body = body(alias);
        body.put("displayName", displayName);
        body.put("usageLocation", usageLocation);
        body.put("accountEnabled", enabled);
        asUserAdministrator(tenant).contentType(ContentType.JSON).body(body)
                .when().post("/v1.0/users").then().statusCode(201);
    }
}
