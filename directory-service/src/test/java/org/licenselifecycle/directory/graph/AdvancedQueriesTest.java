package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.body;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.testsupport.Rig;

/**
 * {@code $orderby}, {@code $search}, {@code $count} and the {@code /users/$count} segment, each answering as Graph
 * does, with Graph's refusals where an advanced query lacks {@code ConsistencyLevel: eventual} or {@code $count=true}.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class AdvancedQueriesTest {

    private UUID tenant;

    @BeforeEach
    void fiveUsers() {
        tenant = UUID.randomUUID();
        create("wanda", "Wanda Smith");
        create("adele", "adele Vance");
        create("hello", "HelloWorld Tester");
        create("dashed", "hello-world Room42b");
        create("zed", "Zed Allan");
    }

    @Test
    void orderByDisplayNameSortsIgnoringCaseAndPagesInThatOrder() {
        assertThat(walk("displayName")).containsExactly("adele Vance", "hello-world Room42b", "HelloWorld Tester",
                "Wanda Smith", "Zed Allan");
        assertThat(walk("displayName desc")).containsExactly("Zed Allan", "Wanda Smith", "HelloWorld Tester",
                "hello-world Room42b", "adele Vance");
        assertThat(walk("DISPLAYNAME ASC")).first().isEqualTo("adele Vance");
    }

    @Test
    void orderByUserPrincipalNameToo() {
        List<String> upns = users().queryParam("$orderby", "userPrincipalName desc").queryParam("$select", "userPrincipalName")
                .when().get("/v1.0/users").then().statusCode(200).extract().jsonPath().getList("value.userPrincipalName");

        assertThat(upns).containsExactly("zed@contoso.com", "wanda@contoso.com", "hello@contoso.com", "dashed@contoso.com",
                "adele@contoso.com");
    }

    @Test
    void orderByWhatGraphCannotSortByIsRefused() {
        for (String order : List.of("createdDateTime", "displayName,userPrincipalName", "accountEnabled desc")) {
            users().queryParam("$orderby", order).when().get("/v1.0/users")
                    .then().statusCode(400)
                    .body("error.code", equalTo("Request_UnsupportedQuery"))
                    .body("error.message", equalTo("Sorting not supported for current query."));
        }
        users().queryParam("$orderby", "shoeSize").when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("Could not find a property named 'shoeSize' on type 'microsoft.graph.user'."));
        users().queryParam("$orderby", "displayName sideways").when().get("/v1.0/users")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
    }

    @Test
    void filterWithOrderByNeedsAdvancedQueryParameters() {
        users().queryParam("$filter", "accountEnabled eq true").queryParam("$orderby", "displayName")
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_UnsupportedQuery"))
                .body("error.message", equalTo("Sorting not supported for current query."));

        List<String> names = users().header("ConsistencyLevel", "eventual").queryParam("$count", "true")
                .queryParam("$filter", "startswith(displayName,'h')").queryParam("$orderby", "displayName desc")
                .when().get("/v1.0/users").then().statusCode(200)
                .body("'@odata.count'", equalTo(2))
                .extract().jsonPath().getList("value.displayName");
        assertThat(names).containsExactly("HelloWorld Tester", "hello-world Room42b");
    }

    @Test
    void searchMatchesTheWordsOfDisplayNamesByPrefixInAnyOrderAndCase() {
        assertThat(search("\"displayName:wa\"")).containsExactly("Wanda Smith");
        assertThat(search("\"displayName:smi wan\"")).containsExactly("Wanda Smith");
        assertThat(search("\"displayName:VANCE\"")).containsExactly("adele Vance");
        // not "contains": a word is matched from its start
        assertThat(search("\"displayName:anda\"")).isEmpty();
        // casing splits words (HelloWorld: hello, world), so do symbols; a word joined across symbols matches too
        assertThat(search("\"displayName:world\"")).containsExactlyInAnyOrder("HelloWorld Tester", "hello-world Room42b");
        assertThat(search("\"displayName:helloworld\"")).containsExactlyInAnyOrder("HelloWorld Tester", "hello-world Room42b");
        // digits are words of their own
        assertThat(search("\"displayName:42\"")).containsExactly("hello-world Room42b");
        assertThat(search("\"displayName:room\"")).containsExactly("hello-world Room42b");
        assertThat(search("\"displayName:!!!\"")).isEmpty();
    }

    @Test
    void searchOnOtherPropertiesMatchesByPrefixAndClausesCombine() {
        assertThat(search("\"userPrincipalName:ze\"")).containsExactly("Zed Allan");
        assertThat(search("\"displayName:allan\" OR \"userPrincipalName:wan\"")).containsExactlyInAnyOrder("Zed Allan", "Wanda Smith");
        assertThat(search("\"displayName:hello\" AND \"userPrincipalName:dash\"")).containsExactly("hello-world Room42b");
        assertThat(search("\"displayName:hello\" AND \"userPrincipalName:dash\" OR \"displayName:zed\""))
                .containsExactlyInAnyOrder("hello-world Room42b", "Zed Allan");
    }

    @Test
    void searchWithFilterAndCountAndPaging() {
        JsonPath first = users().header("ConsistencyLevel", "eventual").queryParam("$search", "\"displayName:hello\"")
                .queryParam("$count", "true").queryParam("$top", 1).queryParam("$orderby", "displayName")
                .when().get("/v1.0/users").then().statusCode(200)
                .body("'@odata.count'", equalTo(2))
                .extract().jsonPath();
        String next = first.getString("'@odata.nextLink'");
        assertThat(next).contains("$search=%22displayName%3Ahello%22").contains("$count=true").contains("$orderby=displayName");
        JsonPath second = users().header("ConsistencyLevel", "eventual").urlEncodingEnabled(false).when().get(next)
                .then().statusCode(200).body("'@odata.count'", equalTo(2)).extract().jsonPath();
        assertThat(List.of(first.getString("value[0].displayName"), second.getString("value[0].displayName")))
                .containsExactly("hello-world Room42b", "HelloWorld Tester");
        assertThat(second.getString("'@odata.nextLink'")).isNull();
    }

    @Test
    void searchWithoutConsistencyLevelIsRefusedWithGraphsMessage() {
        users().queryParam("$search", "\"displayName:wa\"").when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_UnsupportedQuery"))
                .body("error.message", equalTo("Request with $search query parameter only works through MSGraph with a "
                        + "special request header: 'ConsistencyLevel: eventual'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"wanda", "\"wanda\"", "\"displayName:wa", "\"displayName:wa\" and \"mail:x\"", "\"displayName:\"",
        "\"displayName:wa\" \"mail:x\""})
    void aMalformedSearchIsABadRequest(String search) {
        users().header("ConsistencyLevel", "eventual").queryParam("$search", search).when().get("/v1.0/users")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
    }

    @Test
    void searchingAPropertyThatCannotBeSearchedIsUnsupported() {
        users().header("ConsistencyLevel", "eventual").queryParam("$search", "\"jobTitle:buyer\"").when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_UnsupportedQuery"))
                .body("error.message", equalTo("Unsupported or invalid query filter clause specified for property 'jobTitle' "
                        + "of resource 'User'."));
    }

    @Test
    void countTrueCountsAllPagesAndTheNextLinkKeepsIt() {
        JsonPath page = users().header("ConsistencyLevel", "eventual").queryParam("$count", "true").queryParam("$top", 2)
                .when().get("/v1.0/users").then().statusCode(200)
                .body("'@odata.count'", equalTo(5))
                .extract().jsonPath();
        assertThat(page.getList("value")).hasSize(2);
        assertThat(page.getString("'@odata.nextLink'")).contains("$count=true");
        // Graph would leave the count out without the header; here the count is exact either way, so it is answered
        users().queryParam("$count", "true").when().get("/v1.0/users").then().statusCode(200)
                .body("'@odata.count'", equalTo(5));
        users().queryParam("$count", "false").when().get("/v1.0/users").then().statusCode(200)
                .body("'@odata.count'", equalTo(null));
    }

    @Test
    void theCountSegmentAnswersAPlainNumberWithConsistencyLevelOnly() {
        // as the SDKs send it, and with the $ escaped
        String all = users().header("ConsistencyLevel", "eventual").urlEncodingEnabled(false).when().get("/v1.0/users/$count")
                .then().statusCode(200).contentType(startsWith("text/plain")).extract().asString();
        assertThat(all).isEqualTo("5");
        assertThat(users().header("ConsistencyLevel", "eventual").urlEncodingEnabled(false).when().get("/v1.0/users/%24count")
                .then().statusCode(200).extract().asString()).isEqualTo("5");
        assertThat(users().header("ConsistencyLevel", "eventual").queryParam("$filter", "startswith(displayName,'h')")
                .when().get("/v1.0/users/$count").then().statusCode(200).extract().asString()).isEqualTo("2");
        assertThat(users().header("ConsistencyLevel", "eventual").queryParam("$search", "\"displayName:wanda\"")
                .when().get("/v1.0/users/$count").then().statusCode(200).extract().asString()).isEqualTo("1");
        assertThat(asUserAdministrator(UUID.randomUUID()).header("ConsistencyLevel", "eventual")
                .when().get("/v1.0/users/$count").then().statusCode(200).extract().asString()).isEqualTo("0");

        users().when().get("/v1.0/users/$count")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("Raw count (/$count) is not supported because the 'ConsistencyLevel:eventual'"
                        + " header is missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information"));
        users().header("ConsistencyLevel", "eventual").queryParam("$top", 1).when().get("/v1.0/users/$count")
                .then().statusCode(400).body("error.message", equalTo("'$top' is not supported by the service."));
    }

    @Test
    void aSkipTokenOfAnotherOrderIsRefused() {
        String next = users().queryParam("$orderby", "displayName").queryParam("$top", 1).when().get("/v1.0/users")
                .then().statusCode(200).extract().path("'@odata.nextLink'");
        String token = next.replaceAll(".*\\$skiptoken=", "");

        users().queryParam("$skiptoken", token).when().get("/v1.0/users")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        users().queryParam("$skiptoken", token).queryParam("$orderby", "displayName desc").when().get("/v1.0/users")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
    }

    /** The display names of every page of {@code /users?$orderby=...&$top=2}, following the nextLinks. */
    private List<String> walk(String orderBy) {
        List<String> names = new ArrayList<>();
        JsonPath page = users().queryParam("$orderby", orderBy).queryParam("$top", 2).when().get("/v1.0/users")
                .then().statusCode(200).extract().jsonPath();
        names.addAll(page.getList("value.displayName"));
        for (int pages = 1; page.getString("'@odata.nextLink'") != null && pages < 10; pages++) {
            page = users().urlEncodingEnabled(false).when().get(page.getString("'@odata.nextLink'"))
                    .then().statusCode(200).extract().jsonPath();
            names.addAll(page.getList("value.displayName"));
        }
        return names;
    }

    private List<String> search(String search) {
        return users().header("ConsistencyLevel", "eventual").queryParam("$search", search).when().get("/v1.0/users")
                .then().statusCode(200).extract().jsonPath().getList("value.displayName");
    }

    private RequestSpecification users() {
        return asUserAdministrator(tenant);
    }

    private void create(String alias, String displayName) {
        Map<String, Object> body = body(alias);
        body.put("displayName", displayName);
        asUserAdministrator(tenant).contentType(ContentType.JSON).body(body).when().post("/v1.0/users").then().statusCode(201);
    }
}
