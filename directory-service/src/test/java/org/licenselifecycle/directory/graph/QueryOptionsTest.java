package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createUser;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

/**
 * Query options are never silently ignored: option names match in any case, an option an endpoint does not
 * support is a 400 in Graph's envelope, and only parameters that are no OData option are ignored, as Graph
 * ignores them.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class QueryOptionsTest {

    private UUID tenant;
    private String megan;

    @BeforeEach
    void threeUsers() {
        tenant = UUID.randomUUID();
        megan = createUser(tenant, "megan");
        createUser(tenant, "alex");
        createUser(tenant, "allan");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$Filter", "$FILTER", "$filter", "$fIlTeR"})
    void aFilterNamedInAnyCaseFiltersAndNeverReturnsEveryone(String name) {
        List<String> found = asUserAdministrator(tenant).queryParam(name, "userPrincipalName eq 'nobody@contoso.com'")
                .when().get("/v1.0/users")
                .then().statusCode(200)
                .extract().jsonPath().getList("value.id");

        assertThat(found).isEmpty();
    }

    @Test
    void topSelectAndSkipTokenNamedInAnyCaseAreApplied() {
        var first = asUserAdministrator(tenant).queryParam("$TOP", 1).queryParam("$Select", "id,userPrincipalName")
                .when().get("/v1.0/users")
                .then().statusCode(200)
                .extract().jsonPath();
        assertThat(first.getList("value")).hasSize(1);
        assertThat(first.getMap("value[0]")).containsOnlyKeys("id", "userPrincipalName");
        String token = first.getString("'@odata.nextLink'").replaceAll(".*\\$skiptoken=", "");

        List<String> second = asUserAdministrator(tenant).queryParam("$Top", 5).queryParam("$SkipToken", token)
                .when().get("/v1.0/users")
                .then().statusCode(200)
                .extract().jsonPath().getList("value.id");
        assertThat(second).hasSize(2).doesNotContain(first.getString("value[0].id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"filter", "Filter", "select", "top"})
    void anOptionWithoutItsDollarIsRefusedAsGraphV1RefusesIt(String name) {
        asUserAdministrator(tenant).queryParam(name, "userPrincipalName eq 'nobody@contoso.com'")
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("Unrecognized query argument specified: '" + name + "'."));
    }

    @Test
    void aDollarNameODataDoesNotKnowIsRefused() {
        asUserAdministrator(tenant).queryParam("$filters", "accountEnabled eq true")
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("Unrecognized query argument specified: '$filters'."));
    }

    @Test
    void aParameterThatIsNoODataOptionIsIgnoredAsGraphIgnoresIt() {
        List<String> found = asUserAdministrator(tenant).queryParam("foo", "bar").queryParam("api-version", "1.6")
                .when().get("/v1.0/users")
                .then().statusCode(200)
                .extract().jsonPath().getList("value.id");

        assertThat(found).hasSize(3);
    }

    @Test
    void anOptionGivenTwiceInAnyCaseIsRefused() {
        asUserAdministrator(tenant).queryParam("$filter", "accountEnabled eq true")
                .queryParam("$FILTER", "userPrincipalName eq 'nobody@contoso.com'")
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo(
                        "Query option '$filter' was specified more than once, but it must be specified at most once."));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$expand", "$Skip", "$format", "$apply"})
    void aListOfUsersRefusesTheOptionsItDoesNotSupport(String option) {
        asUserAdministrator(tenant).queryParam(option, "manager")
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("'" + option.toLowerCase() + "' is not supported by the service."));
    }

    @Test
    void oneUserTakesOnlySelectInAnyCase() {
        asUserAdministrator(tenant).queryParam("$SELECT", "id").when().get("/v1.0/users/{id}", megan)
                .then().statusCode(200)
                .body("id", equalTo(megan))
                .body("userPrincipalName", equalTo(null));
        asUserAdministrator(tenant).queryParam("$expand", "manager").when().get("/v1.0/users/{id}", megan)
                .then().statusCode(400)
                .body("error.message", equalTo("'$expand' is not supported by the service."));
        asUserAdministrator(tenant).queryParam("$filter", "accountEnabled eq true").when().get("/v1.0/users/{id}", megan)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"));
        asUserAdministrator(tenant).queryParam("$select", "id").when().get("/v1.0/users/{id}/manager", megan)
                .then().statusCode(400)
                .body("error.message", equalTo("'$select' is not supported by the service."));
    }

    @Test
    void deletedItemsRefuseAFilterInAnyCase() {
        for (String name : List.of("$filter", "$Filter")) {
            asUserAdministrator(tenant).queryParam(name, "accountEnabled eq true")
                    .when().get("/v1.0/directory/deletedItems/microsoft.graph.user")
                    .then().statusCode(400)
                    .body("error.code", equalTo("Request_BadRequest"))
                    .body("error.message", equalTo("'$filter' is not supported by the service."));
        }
    }

    @Test
    void roleAssignmentsReadTheirFilterInAnyCaseAndRefuseWhatTheyDoNotSupport() {
        as(tenant, DirectoryRole.GLOBAL_READER).queryParam("$FILTER", "principalId eq '" + UUID.randomUUID() + "'")
                .when().get("/v1.0/roleManagement/directory/roleAssignments")
                .then().statusCode(200)
                .body("value", equalTo(List.of()));
        as(tenant, DirectoryRole.GLOBAL_READER).queryParam("$top", 1)
                .when().get("/v1.0/roleManagement/directory/roleAssignments")
                .then().statusCode(400)
                .body("error.message", equalTo("'$top' is not supported by the service."));
    }
}
