package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.blankOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.directory.UserFixtures.PASSWORD;
import static org.licenselifecycle.directory.UserFixtures.allUsers;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.body;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.outboxRows;
import static org.licenselifecycle.directory.UserFixtures.uniqueAlias;
import static org.licenselifecycle.directory.UserFixtures.usersIn;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class CreateUserTest {

    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    EntityManager entityManager;

    @Test
    void aCreatedUserIsReturnedInGraphShapeAndReadsBackByIdAndByUserPrincipalName() {
        UUID tenant = UUID.randomUUID();
        Map<String, Object> body = body("adelev");
        body.put("givenName", "Adele");
        body.put("surname", "Vance");
        body.put("jobTitle", "Product Marketing Manager");
        body.put("department", "Marketing");
        body.put("mail", "AdeleV@contoso.com");

        var created = asUserAdministrator(tenant).contentType(ContentType.JSON).body(body)
                .when().post("/v1.0/users")
                .then().statusCode(201)
                .header("Location", matchesPattern("http://.+/v1\\.0/users/" + GUID))
                .body("'@odata.context'", matchesPattern("http://[^/]+/v1\\.0/\\$metadata#users/\\$entity"))
                .body("id", matchesPattern(GUID))
                .body("displayName", equalTo("Adele Vance adelev"))
                .body("givenName", equalTo("Adele"))
                .body("surname", equalTo("Vance"))
                .body("userPrincipalName", equalTo("adelev@contoso.com"))
                .body("mail", equalTo("AdeleV@contoso.com"))
                .body("mailNickname", equalTo("adelev"))
                .body("usageLocation", equalTo("US"))
                .body("accountEnabled", equalTo(true))
                .body("jobTitle", equalTo("Product Marketing Manager"))
                .body("department", equalTo("Marketing"))
                .body("createdDateTime", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("passwordProfile", nullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/v1.0/users/" + id);
        assertThat(created.asString()).doesNotContain(PASSWORD).doesNotContain("password");

        for (String key : new String[] {id, "adelev@contoso.com", "ADELEV@Contoso.COM"}) {
            String json = asUserAdministrator(tenant).when().get("/v1.0/users/{key}", key)
                    .then().statusCode(200)
                    .body("'@odata.context'", matchesPattern("http://[^/]+/v1\\.0/\\$metadata#users/\\$entity"))
                    .body("id", equalTo(id))
                    .body("userPrincipalName", equalTo("adelev@contoso.com"))
                    .body("jobTitle", equalTo("Product Marketing Manager"))
                    .body("createdDateTime", equalTo(created.path("createdDateTime")))
                    .extract().asString();
            assertThat(json).doesNotContain(PASSWORD).doesNotContain("password");
        }
    }

    @Test
    void thePasswordIsKeptOnlyAsABcryptHash() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "hashme");

        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT password_hash FROM users WHERE id = ?1")
                .setParameter(1, UUID.fromString(id))
                .getSingleResult());
        assertThat(stored).isNotEqualTo(PASSWORD).doesNotContain(PASSWORD).startsWith("$2");
        assertThat(BcryptUtil.matches(PASSWORD, stored)).isTrue();
        assertThat(BcryptUtil.matches("not-the-password", stored)).isFalse();
        String payloads = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT string_agg(payload, ' ') FROM outbox_event WHERE event_key = ?1")
                .setParameter(1, id)
                .getSingleResult());
        assertThat(payloads).contains(id).doesNotContain(PASSWORD).doesNotContain(stored);
    }

    @Test
    void optionalPropertiesMayBeLeftOutAndUnknownOnesAreIgnored() {
        UUID tenant = UUID.randomUUID();
        Map<String, Object> body = body("minimal");
        body.remove("usageLocation");
        body.put("businessPhones", new String[] {"+1 425 555 0109"});
        body.put("officeLocation", "18/2111");
        body.put("passwordProfile", Map.of("password", PASSWORD));

        asUserAdministrator(tenant).contentType(ContentType.JSON).body(body)
                .when().post("/v1.0/users")
                .then().statusCode(201)
                .body("usageLocation", nullValue())
                .body("givenName", nullValue())
                .body("businessPhones", nullValue())
                .body("officeLocation", nullValue());
        assertThat(usersIn(entityManager, tenant)).isEqualTo(1);
    }

    @Test
    void aGlobalAdministratorMayCreateUsersToo() {
        UUID tenant = UUID.randomUUID();
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR)
                .contentType(ContentType.JSON).body(body("byglobal"))
                .when().post("/v1.0/users")
                .then().statusCode(201).body("id", notNullValue());
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                refused("accountEnabled missing", b -> b.remove("accountEnabled"),
                        "A value is required for property 'accountEnabled' of resource 'User'."),
                refused("displayName missing", b -> b.remove("displayName"),
                        "A value is required for property 'displayName' of resource 'User'."),
                refused("displayName blank", b -> b.put("displayName", "  "),
                        "Invalid value specified for property 'displayName' of resource 'User'."),
                refused("mailNickname missing", b -> b.remove("mailNickname"),
                        "A value is required for property 'mailNickname' of resource 'User'."),
                refused("mailNickname with a space", b -> b.put("mailNickname", "adele vance"),
                        "Invalid value specified for property 'mailNickname' of resource 'User'."),
                refused("userPrincipalName missing", b -> b.remove("userPrincipalName"),
                        "A value is required for property 'userPrincipalName' of resource 'User'."),
                refused("userPrincipalName null", b -> b.put("userPrincipalName", null),
                        "A value is required for property 'userPrincipalName' of resource 'User'."),
                refused("userPrincipalName without @", b -> b.put("userPrincipalName", "adele.contoso.com"),
                        "Invalid value specified for property 'userPrincipalName' of resource 'User'."),
                refused("userPrincipalName without domain", b -> b.put("userPrincipalName", "adele@"),
                        "Invalid value specified for property 'userPrincipalName' of resource 'User'."),
                refused("userPrincipalName with a one-label domain", b -> b.put("userPrincipalName", "adele@contoso"),
                        "Invalid value specified for property 'userPrincipalName' of resource 'User'."),
                refused("userPrincipalName with two @", b -> b.put("userPrincipalName", "a@b@contoso.com"),
                        "Invalid value specified for property 'userPrincipalName' of resource 'User'."),
                refused("userPrincipalName with a space", b -> b.put("userPrincipalName", "adele vance@contoso.com"),
                        "Invalid value specified for property 'userPrincipalName' of resource 'User'."),
                refused("userPrincipalName with a leading dot", b -> b.put("userPrincipalName", ".adele@contoso.com"),
                        "Invalid value specified for property 'userPrincipalName' of resource 'User'."),
                refused("userPrincipalName domain label ending in a hyphen", b -> b.put("userPrincipalName", "adele@contoso-.com"),
                        "Invalid value specified for property 'userPrincipalName' of resource 'User'."),
                refused("usageLocation XX", b -> b.put("usageLocation", "XX"),
                        "Invalid value specified for property 'usageLocation' of resource 'User'."),
                refused("usageLocation usa", b -> b.put("usageLocation", "usa"),
                        "Invalid value specified for property 'usageLocation' of resource 'User'."),
                refused("usageLocation lower case", b -> b.put("usageLocation", "us"),
                        "Invalid value specified for property 'usageLocation' of resource 'User'."),
                refused("mail not an address", b -> b.put("mail", "adele"),
                        "Invalid value specified for property 'mail' of resource 'User'."),
                refused("passwordProfile missing", b -> b.remove("passwordProfile"),
                        "A value is required for property 'passwordProfile' of resource 'User'."),
                refused("password missing", b -> b.put("passwordProfile", Map.of("forceChangePasswordNextSignIn", true)),
                        "A value is required for property 'passwordProfile.password' of resource 'User'."),
                refused("password empty", b -> b.put("passwordProfile", Map.of("password", "")),
                        "Invalid value specified for property 'passwordProfile.password' of resource 'User'."),
                // only the directory synchronization masters an account on premises
                refused("onPremisesSyncEnabled true", b -> b.put("onPremisesSyncEnabled", true),
                        "Property 'onPremisesSyncEnabled' is read-only and cannot be set."),
                refused("onPremisesSyncEnabled false", b -> b.put("onPremisesSyncEnabled", false),
                        "Property 'onPremisesSyncEnabled' is read-only and cannot be set."));
    }

    private static Arguments refused(String why, Consumer<Map<String, Object>> change, String message) {
        return Arguments.of(why, change, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void aBodyBreakingEntraIdsRulesIsRefusedWithGraphsMessageAndCreatesNothing(String why,
            Consumer<Map<String, Object>> change, String message) {
        UUID tenant = UUID.randomUUID();
        Map<String, Object> body = body(uniqueAlias("invalid"));
        change.accept(body);

        assertRefusedAndNothingCreated(tenant, body, message);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "{\"accountEnabled\": \"yes\", \"displayName\": \"A\", \"mailNickname\": \"a\", \"userPrincipalName\": \"a@contoso.com\", \"passwordProfile\": {\"password\": \"p\"}}",
            "{\"accountEnabled\": 1, \"displayName\": \"A\", \"mailNickname\": \"a\", \"userPrincipalName\": \"a@contoso.com\", \"passwordProfile\": {\"password\": \"p\"}}",
            "{\"accountEnabled\": true, \"displayName\": 42, \"mailNickname\": \"a\", \"userPrincipalName\": \"a@contoso.com\", \"passwordProfile\": {\"password\": \"p\"}}",
            "{\"accountEnabled\": true, \"displayName\": \"A\", \"mailNickname\": \"a\", \"userPrincipalName\": [\"a@contoso.com\"], \"passwordProfile\": {\"password\": \"p\"}}",
            "{\"accountEnabled\": true, \"displayName\": \"A\", \"mailNickname\": \"a\", \"userPrincipalName\": \"a@contoso.com\", \"passwordProfile\": \"p\"}",
            "{\"accountEnabled\": true, \"displayName\": \"A\", \"mailNickname\": \"a\", \"userPrincipalName\": \"a@contoso.com\", \"passwordProfile\": {\"password\": true}}",
            "{\"accountEnabled\": true, \"displayName\": \"A\",",
            "{\"accountEnabled\": true} {}",
            "not json at all",
            "[]",
            ""})
    void malformedJsonOrWrongTypesAreABadRequestAndCreateNothing(String json) {
        UUID tenant = UUID.randomUUID();
        long before = allUsers(entityManager);
        long outboxBefore = outboxRows(entityManager);

        asUserAdministrator(tenant).contentType(ContentType.JSON).body(json)
                .when().post("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", not(blankOrNullString()))
                .body("error.innerError.request-id", notNullValue());
        assertThat(allUsers(entityManager)).isEqualTo(before);
        assertThat(outboxRows(entityManager)).isEqualTo(outboxBefore);
    }

    @Test
    void aDuplicateUserPrincipalNameInAnyCaseIsRefusedAndTheFirstUserStays() {
        UUID tenant = UUID.randomUUID();
        String alias = uniqueAlias("dup");
        createUser(tenant, alias);

        for (String upn : new String[] {alias + "@contoso.com", alias.toUpperCase() + "@CONTOSO.com"}) {
            Map<String, Object> again = body("other");
            again.put("userPrincipalName", upn);
            assertRefusedAndNothingCreated(tenant, again,
                    "Another object with the same value for property userPrincipalName already exists.");
        }
        assertThat(usersIn(entityManager, tenant)).isEqualTo(1);
    }

    @Test
    void concurrentCreatesOfOneUserPrincipalNameMakeOneUserAndRefuseTheOthers() throws Exception {
        UUID tenant = UUID.randomUUID();
        Map<String, Object> body = body(uniqueAlias("race"));
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(callers.submit(() -> asUserAdministrator(tenant).contentType(ContentType.JSON).body(body)
                        .when().post("/v1.0/users").andReturn()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 400) {
                    assertThat(response.jsonPath().getString("error.message"))
                            .isEqualTo("Another object with the same value for property userPrincipalName already exists.");
                }
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 400, 400, 400);
        } finally {
            callers.shutdownNow();
        }
        assertThat(usersIn(entityManager, tenant)).isEqualTo(1);
    }

    @Test
    void theSameUserPrincipalNameMayExistInAnotherTenant() {
        String alias = uniqueAlias("twin");
        createUser(UUID.randomUUID(), alias);
        createUser(UUID.randomUUID(), alias);
    }

    @Test
    void aBodyThatIsNotJsonIsNotAcceptedAsAUser() {
        asUserAdministrator(UUID.randomUUID()).contentType(ContentType.TEXT).body("displayName=Adele")
                .when().post("/v1.0/users")
                .then().statusCode(415)
                .body("error.code", equalTo("UnsupportedMediaType"));
    }

    private void assertRefusedAndNothingCreated(UUID tenant, Map<String, Object> body, String message) {
        long before = usersIn(entityManager, tenant);
        long outboxBefore = outboxRows(entityManager);
        ValidatableResponse response = asUserAdministrator(tenant).contentType(ContentType.JSON).body(new HashMap<>(body))
                .when().post("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo(message))
                .body("error.innerError.date", notNullValue())
                .body("error.innerError.request-id", notNullValue());
        assertThat(response.extract().asString()).doesNotContain(PASSWORD);
        assertThat(usersIn(entityManager, tenant)).isEqualTo(before);
        assertThat(outboxRows(entityManager)).isEqualTo(outboxBefore);
    }
}
