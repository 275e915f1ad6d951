package org.licenselifecycle.lifecycle.mailbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.lifecycle.AdminApi.asGlobalAdmin;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.AdminApi.placeHold;
import static org.licenselifecycle.lifecycle.AdminApi.releaseHold;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.at;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/** Mailbox content delivered through the API, and holds placed and released through it. */
@QuarkusTest
@WithTestResource(Rig.class)
class HoldsAndItemsTest {

    private static final Instant ASSIGNED = at("2026-03-02T09:00:00Z");
    private static final Instant REMOVED = at("2026-03-10T12:00:00Z");

    @Inject
    MovableClock clock;

    private static TestUser licensedUser() {
        TestUser user = TestUser.create();
        publish(user.assigned(BUSINESS_PREMIUM, ASSIGNED));
        awaitMailbox(user, json -> true);
        return user;
    }

    private static long items(UUID userId) {
        return QuarkusTransaction.requiringNew().call(() -> MailboxItem.count("userId", userId));
    }

    @Test
    void anItemDeliveredToAnActiveMailboxIsStoredAndReturned() {
        TestUser user = licensedUser();

        asGlobalAdmin(user)
                .body(Map.of("subject", "Q3 contract", "body", "Signed copy attached", "receivedAt", "2026-03-03T08:00:00Z",
                        "retentionLabel", "Contracts-7y"))
                .post("/api/v1/users/{userId}/mailbox/items", user.userId())
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("userId", equalTo(user.userId().toString()))
                .body("subject", equalTo("Q3 contract"))
                .body("body", equalTo("Signed copy attached"))
                .body("receivedAt", equalTo("2026-03-03T08:00:00Z"))
                .body("retentionLabel", equalTo("Contracts-7y"))
                .body("retainedAt", nullValue());
        assertThat(items(user.userId())).isEqualTo(1);
    }

    @Test
    void anItemWithoutReceivedTimeIsReceivedNow() {
        TestUser user = licensedUser();
        clock.fixAt(at("2026-03-04T10:00:00Z"));

        asGlobalAdmin(user).body(Map.of("subject", "Hello", "body", ""))
                .post("/api/v1/users/{userId}/mailbox/items", user.userId())
                .then().statusCode(201).body("receivedAt", equalTo("2026-03-04T10:00:00Z")).body("retentionLabel", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"body\":\"no subject\"}", "{\"subject\":\"  \",\"body\":\"x\"}", "{\"subject\":\"no body\"}",
            "{\"subject\":\"s\",\"body\":\"b\",\"retentionLabel\":\" \"}", "{\"subject\":\"s\",\"body\":\"b\",\"receivedAt\":\"yesterday\"}",
            "{\"subject\":[1],\"body\":\"b\"}", "{\"subject\":7,\"body\":\"b\"}", "{this is not json", "null"})
    void aBadItemIsABadRequestAndNothingIsStored(String body) {
        TestUser user = licensedUser();

        asGlobalAdmin(user).body(body).post("/api/v1/users/{userId}/mailbox/items", user.userId())
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        assertThat(items(user.userId())).isZero();
    }

    /** The bounds of the test profile: subject 255 and label 64 characters (the defaults), body 64 KiB (1 MiB by default). */
    @ParameterizedTest
    @ValueSource(strings = {"subject", "body", "retentionLabel"})
    void anItemBeyondItsSizeBoundsIsABadRequestAndNothingIsStored(String part) {
        TestUser user = licensedUser();
        Map<String, Object> item = new HashMap<>(Map.of("subject", "s", "body", "b", "retentionLabel", "Legal"));
        String message = switch (part) {
            case "subject" -> {
                item.put("subject", "s".repeat(256));
                yield "The item's subject is longer than 255 characters.";
            }
            case "body" -> {
                // 32,769 characters but 65,538 bytes in UTF-8: the bound is on bytes
                item.put("body", "é".repeat(32 * 1024 + 1));
                yield "The item's body is larger than 65536 bytes (UTF-8).";
            }
            default -> {
                item.put("retentionLabel", "L".repeat(65));
                yield "A retention label has at most 64 characters.";
            }
        };

        asGlobalAdmin(user).body(item).post("/api/v1/users/{userId}/mailbox/items", user.userId())
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo(message))
                .body("error.innerError.request-id", notNullValue());
        assertThat(items(user.userId())).isZero();
    }

    @Test
    void anItemAtItsSizeBoundsIsStored() {
        TestUser user = licensedUser();

        asGlobalAdmin(user)
                .body(Map.of("subject", "s".repeat(255), "body", "é".repeat(32 * 1024), "retentionLabel", "L".repeat(64)))
                .post("/api/v1/users/{userId}/mailbox/items", user.userId())
                .then().statusCode(201);
        assertThat(items(user.userId())).isEqualTo(1);
    }

    @Test
    void anItemForAUserWithoutAMailboxOrOfAnotherTenantIsNotFound() {
        TestUser user = licensedUser();
        TestUser stranger = user.inAnotherTenant();

        asGlobalAdmin(stranger).body(Map.of("subject", "s", "body", "b"))
                .post("/api/v1/users/{userId}/mailbox/items", user.userId())
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        asGlobalAdmin(user).body(Map.of("subject", "s", "body", "b"))
                .post("/api/v1/users/{userId}/mailbox/items", UUID.randomUUID())
                .then().statusCode(404);
        assertThat(items(user.userId())).isZero();
    }

    @Test
    void aDisconnectedMailboxReceivesNoItems() {
        TestUser user = licensedUser();
        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), REMOVED));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));

        asGlobalAdmin(user).body(Map.of("subject", "s", "body", "b"))
                .post("/api/v1/users/{userId}/mailbox/items", user.userId())
                .then().statusCode(409).body("error.code", equalTo("MailboxNotActive"));
        assertThat(items(user.userId())).isZero();
    }

    @Test
    void readersAndLicenseAdministratorsCannotDeliverOrHold() {
        TestUser user = licensedUser();
        for (DirectoryRole role : new DirectoryRole[] {DirectoryRole.GLOBAL_READER, DirectoryRole.LICENSE_ADMINISTRATOR}) {
            given().auth().oauth2(DevTokens.token(user.tenantId(), role)).contentType(ContentType.JSON)
                    .body(Map.of("subject", "s", "body", "b")).post("/api/v1/users/{userId}/mailbox/items", user.userId())
                    .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
            given().auth().oauth2(DevTokens.token(user.tenantId(), role)).contentType(ContentType.JSON)
                    .body(Map.of("kind", "LITIGATION_HOLD")).post("/api/v1/users/{userId}/mailbox/holds", user.userId())
                    .then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("kind", "LITIGATION_HOLD"))
                .post("/api/v1/users/{userId}/mailbox/holds", user.userId())
                .then().statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
        assertThat(awaitMailbox(user, json -> true).getList("holds")).isEmpty();
    }

    @Test
    void aMailboxHeldBeforeTheRemovalStaysSearchableAndIsNotDue() {
        TestUser user = licensedUser();
        JsonPath held = placeHold(user, "LITIGATION_HOLD");
        assertThat(held.getList("holds")).containsExactly("LITIGATION_HOLD");

        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), REMOVED));

        JsonPath mailbox = awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isTrue();
        assertThat(mailbox.getString("purgeAfter")).isNull();
        assertThat(Instant.parse(mailbox.getString("removedAt"))).isEqualTo(REMOVED);
    }

    @Test
    void placingTheSameHoldTwiceKeepsOneAndEveryKindCanBePlaced() {
        TestUser user = licensedUser();
        placeHold(user, "LITIGATION_HOLD");
        placeHold(user, "LITIGATION_HOLD");
        placeHold(user, "RETENTION_POLICY");

        assertThat(placeHold(user, "EDISCOVERY_HOLD").getList("holds"))
                .containsExactly("LITIGATION_HOLD", "EDISCOVERY_HOLD", "RETENTION_POLICY");
    }

    @Test
    void releasingTheLastHoldLetsTheGraceRuleApplyFromTheReleaseAtTheEarliest() {
        TestUser user = licensedUser();
        clock.fixAt(at("2026-03-05T10:00:00Z"));
        placeHold(user, "LITIGATION_HOLD");
        placeHold(user, "EDISCOVERY_HOLD");
        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), REMOVED));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));

        Instant release = at("2026-05-01T10:00:00Z");
        clock.fixAt(release);
        JsonPath stillHeld = releaseHold(user, "LITIGATION_HOLD");
        assertThat(stillHeld.getString("purgeAfter")).isNull();
        assertThat(stillHeld.getBoolean("searchable")).isTrue();

        JsonPath released = releaseHold(user, "EDISCOVERY_HOLD");
        assertThat(released.getList("holds")).isEmpty();
        assertThat(released.getBoolean("searchable")).isFalse();
        assertThat(Instant.parse(released.getString("purgeAfter"))).isEqualTo(release.plus(Duration.ofDays(30)));
    }

    @Test
    void aHoldReleasedBeforeTheRemovalLeavesTheUsualGracePeriod() {
        TestUser user = licensedUser();
        clock.fixAt(at("2026-03-05T10:00:00Z"));
        placeHold(user, "RETENTION_POLICY");
        releaseHold(user, "RETENTION_POLICY");
        clock.release();

        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), REMOVED));

        JsonPath mailbox = awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        assertThat(Instant.parse(mailbox.getString("purgeAfter"))).isEqualTo(REMOVED.plus(Duration.ofDays(30)));
    }

    @Test
    void anUnknownHoldOrOneNotInForceIsRefusedAndChangesNothing() {
        TestUser user = licensedUser();
        placeHold(user, "LITIGATION_HOLD");

        asGlobalAdmin(user).body(Map.of("kind", "FOREVER_HOLD")).post("/api/v1/users/{userId}/mailbox/holds", user.userId())
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        asGlobalAdmin(user).body("{}").post("/api/v1/users/{userId}/mailbox/holds", user.userId())
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        asGlobalAdmin(user).delete("/api/v1/users/{userId}/mailbox/holds/{kind}", user.userId(), "FOREVER_HOLD")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        asGlobalAdmin(user).delete("/api/v1/users/{userId}/mailbox/holds/{kind}", user.userId(), "EDISCOVERY_HOLD")
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        asGlobalAdmin(user.inAnotherTenant()).delete("/api/v1/users/{userId}/mailbox/holds/{kind}", user.userId(), "LITIGATION_HOLD")
                .then().statusCode(404);

        assertThat(awaitMailbox(user, json -> true).getList("holds")).containsExactly("LITIGATION_HOLD");
    }
}
