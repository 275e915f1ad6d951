package org.licenselifecycle.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.AdminApi.awaitOneDrive;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.at;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Who may read a user's mailbox and OneDrive through the admin API: Global, License and User
 * administrators and Global Readers of the user's own tenant. Everything else is refused in Graph's
 * error envelope.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class UserDataAccessTest {

    private static TestUser licensed;

    /** One user with a mailbox and a OneDrive, shared by the tests of this class (nothing here changes it). */
    private static synchronized TestUser licensedUser() {
        if (licensed == null) {
            TestUser user = TestUser.create();
            publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
            awaitMailbox(user, json -> true);
            awaitOneDrive(user);
            licensed = user;
        }
        return licensed;
    }

    private static ValidatableResponse get(String resource, UUID userId, String token) {
        var request = given();
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.get("/api/v1/users/{userId}/" + resource, userId.toString()).then();
    }

    @ParameterizedTest
    @CsvSource({
            "mailbox, GLOBAL_ADMINISTRATOR", "mailbox, LICENSE_ADMINISTRATOR", "mailbox, USER_ADMINISTRATOR",
            "mailbox, GLOBAL_READER",
            "onedrive, GLOBAL_ADMINISTRATOR", "onedrive, LICENSE_ADMINISTRATOR", "onedrive, USER_ADMINISTRATOR",
            "onedrive, GLOBAL_READER"})
    void adminsAndGlobalReadersOfTheTenantReadIt(String resource, DirectoryRole role) {
        TestUser user = licensedUser();

        get(resource, user.userId(), DevTokens.token(user.tenantId(), role))
                .statusCode(200)
                .body("userId", equalTo(user.userId().toString()))
                .body("tenantId", equalTo(user.tenantId().toString()))
                .body("state", equalTo("ACTIVE"));
    }

    @Test
    void theMailboxShowsEveryFieldAndNullsWhereNothingIsDue() {
        TestUser user = licensedUser();

        get("mailbox", user.userId(), DevTokens.token(user.tenantId(), DirectoryRole.GLOBAL_READER))
                .statusCode(200)
                .body("userPrincipalName", equalTo(user.userPrincipalName()))
                .body("searchable", equalTo(true))
                .body("exchangePlan", equalTo("EXCHANGE_ONLINE_PLAN_1"))
                .body("provisionedAt", equalTo("2026-03-02T09:00:00Z"))
                .body("$", hasKey("purgeAfter")).body("purgeAfter", nullValue())
                .body("$", hasKey("removedAt")).body("removedAt", nullValue())
                .body("$", hasKey("removedBy")).body("removedBy", nullValue())
                .body("$", hasKey("reconnectedAt"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailbox", "onedrive"})
    void withoutATokenTheCallerIsUnauthenticated(String resource) {
        get(resource, licensedUser().userId(), null)
                .statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationToken"))
                .body("error.innerError.request-id", notNullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailbox", "onedrive"})
    void anExpiredOrForeignTokenIsUnauthenticated(String resource) {
        TestUser user = licensedUser();

        get(resource, user.userId(), DevTokens.expired(user.tenantId(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
        get(resource, user.userId(), DevTokens.signedByStranger(user.tenantId(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
    }

    @ParameterizedTest
    @CsvSource({
            "mailbox, BILLING_ADMINISTRATOR", "mailbox, HELPDESK_ADMINISTRATOR",
            "onedrive, BILLING_ADMINISTRATOR", "onedrive, HELPDESK_ADMINISTRATOR"})
    void otherRolesAreRefused(String resource, DirectoryRole role) {
        TestUser user = licensedUser();

        get(resource, user.userId(), DevTokens.token(user.tenantId(), role))
                .statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailbox", "onedrive"})
    void aCallerWithoutAnyRoleIsRefused(String resource) {
        TestUser user = licensedUser();

        get(resource, user.userId(), DevTokens.token(user.tenantId()))
                .statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailbox", "onedrive"})
    void anotherTenantsUserIsNotFound(String resource) {
        TestUser user = licensedUser();

        get(resource, user.userId(), DevTokens.token(UUID.randomUUID(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailbox", "onedrive"})
    void aUserWithoutOneIsNotFound(String resource) {
        UUID tenantId = UUID.randomUUID();

        get(resource, UUID.randomUUID(), DevTokens.token(tenantId, DirectoryRole.GLOBAL_READER))
                .statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"))
                .body("error.message", notNullValue());
    }

    @ParameterizedTest
    @CsvSource({
            "mailbox, not-a-guid", "mailbox, 1-2-3-4-5", "mailbox, 0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f0",
            "mailbox, adele@contoso.onmicrosoft.com", "mailbox, 0a1b2c3d0a1b0a1b0a1b0a1b2c3d4e5f",
            "onedrive, not-a-guid", "onedrive, 1-2-3-4-5", "onedrive, zzzzzzzz-0a1b-0a1b-0a1b-0a1b2c3d4e5f"})
    void aUserIdThatIsNotAGuidIsABadRequest(String resource, String userId) {
        given().auth().oauth2(DevTokens.token(UUID.randomUUID(), DirectoryRole.GLOBAL_READER))
                .get("/api/v1/users/{userId}/" + resource, userId)
                .then()
                .statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("Invalid object identifier '" + userId + "'."));
    }
}
