package org.licenselifecycle.directory.graph;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.body;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.usersIn;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class UsersAuthorizationTest {

    @Inject
    EntityManager entityManager;

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("no token", (Function<UUID, RequestSpecification>) t -> given()),
                Arguments.of("expired token", (Function<UUID, RequestSpecification>) t -> given().auth()
                        .oauth2(DevTokens.expired(t, DirectoryRole.GLOBAL_ADMINISTRATOR))),
                Arguments.of("token signed by a stranger", (Function<UUID, RequestSpecification>) t -> given().auth()
                        .oauth2(DevTokens.signedByStranger(t, DirectoryRole.GLOBAL_ADMINISTRATOR))),
                Arguments.of("not a JWT", (Function<UUID, RequestSpecification>) t -> given().auth().oauth2("not-a-jwt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void withoutAValidTokenNothingIsCreatedOrRead(String why, Function<UUID, RequestSpecification> caller) {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "victim");

        caller.apply(tenant).contentType(ContentType.JSON).body(body("intruder"))
                .when().post("/v1.0/users")
                .then().statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationToken"));
        caller.apply(tenant).when().get("/v1.0/users")
                .then().statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationToken"));
        caller.apply(tenant).when().get("/v1.0/users/{id}", id)
                .then().statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationToken"));
        assertThat(usersIn(entityManager, tenant)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"GLOBAL_READER", "HELPDESK_ADMINISTRATOR", "BILLING_ADMINISTRATOR",
            "LICENSE_ADMINISTRATOR"})
    void rolesOtherThanGlobalAndUserAdministratorMayNotCreateUsers(DirectoryRole role) {
        UUID tenant = UUID.randomUUID();

        as(tenant, role).contentType(ContentType.JSON).body(body("notallowed"))
                .when().post("/v1.0/users")
                .then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"))
                .body("error.message", equalTo("Insufficient privileges to complete the operation."));
        assertThat(usersIn(entityManager, tenant)).isZero();
    }

    @Test
    void aMemberWithoutAnyRoleMayNotCreateUsersButMayReadThem() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "colleague");

        as(tenant).contentType(ContentType.JSON).body(body("selfmade"))
                .when().post("/v1.0/users")
                .then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
        as(tenant).when().get("/v1.0/users")
                .then().statusCode(200)
                .body("value.id", equalTo(List.of(id)));
        as(tenant).when().get("/v1.0/users/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id));
        assertThat(usersIn(entityManager, tenant)).isEqualTo(1);
    }

    @Test
    void aRefusedCallerLearnsNothingFromAnInvalidBody() {
        as(UUID.randomUUID(), DirectoryRole.HELPDESK_ADMINISTRATOR).contentType(ContentType.JSON).body("{not json")
                .when().post("/v1.0/users")
                .then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
    }

    @Test
    void anotherTenantsUserIsNotFoundByIdOrByUserPrincipalName() {
        UUID contoso = UUID.randomUUID();
        UUID fabrikam = UUID.randomUUID();
        String alias = "meganb" + UUID.randomUUID().toString().substring(0, 6);
        String id = createUser(contoso, alias);

        for (String key : List.of(id, alias + "@contoso.com")) {
            as(fabrikam, DirectoryRole.GLOBAL_ADMINISTRATOR).when().get("/v1.0/users/{key}", key)
                    .then().statusCode(404)
                    .body("error.code", equalTo("Request_ResourceNotFound"))
                    .body("error.message", equalTo("Resource '" + key
                            + "' does not exist or one of its queried reference-property objects are not present."));
        }
        asUserAdministrator(contoso).when().get("/v1.0/users/{id}", id).then().statusCode(200);
    }

    @Test
    void anUnknownUserIsNotFound() {
        UUID tenant = UUID.randomUUID();
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"));
        asUserAdministrator(tenant).when().get("/v1.0/users/{upn}", "nobody@contoso.com")
                .then().statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"));
    }

    @Test
    void theListNeverShowsAnotherTenantsUsers() {
        UUID contoso = UUID.randomUUID();
        UUID fabrikam = UUID.randomUUID();
        String ours = createUser(contoso, "ours");
        String theirs = createUser(fabrikam, "theirs");

        as(contoso, DirectoryRole.GLOBAL_READER).queryParam("$top", 999).when().get("/v1.0/users")
                .then().statusCode(200)
                .body("value.id", equalTo(List.of(ours)))
                .body("value.id", not(hasItem(theirs)));
    }
}
