package org.licenselifecycle.directory.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.UserEventsTopic.header;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.directory.UserEventsTopic;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.support.outbox.KafkaOutboxSender;
import org.licenselifecycle.support.outbox.Outbox;
import org.licenselifecycle.support.outbox.OutboxConfig;
import org.licenselifecycle.support.outbox.OutboxRelay;
import org.licenselifecycle.support.outbox.OutboxSender;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.support.sql.Sql;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * An event the broker refuses for good (here: larger than the producer's 1 MB request limit) must not stall the
 * outbox: it is set aside after outbox.relay.set-aside-after refusals, other keys keep flowing, later events of
 * its own key wait behind it, and a Global Administrator of its tenant sees it and retries or discards it.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class OutboxSetAsideTest {

    private static final String SET_ASIDE = "/api/v1/operations/directory-service/outbox/set-aside";
    private static final Duration SET_ASIDE_WAIT = Duration.ofSeconds(60);
    private static final Pattern SET_ASIDE_GAUGE = Pattern.compile("(?m)^outbox_events_set_aside(?:\\{[^}]*})? (\\S+)$");

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    KafkaOutboxSender kafka;

    @Inject
    OutboxConfig config;

    @Inject
    Sql sql;

    @Test
    void anEventRefusedForGoodIsSetAsideOtherKeysFlowAndItsKeyWaitsUntilAGlobalAdministratorDiscardsIt() {
        UUID tenant = UUID.randomUUID();
        UUID blockedUser = UUID.randomUUID();
        UUID otherUser = UUID.randomUUID();
        UUID laterUser = UUID.randomUUID();
        try (UserEventsTopic topic = UserEventsTopic.fromTheStart()) {
            UUID tooLarge = write(tenant, blockedUser, "x".repeat(1_100_000));
            UUID behind = write(tenant, blockedUser, "Behind the refused one");
            UUID other = write(tenant, otherUser, "Another user");
            try {
                assertThat(eventId(topic.awaitOne(otherUser.toString()))).isEqualTo(other);

                await().atMost(SET_ASIDE_WAIT).until(() -> setAside(tooLarge));
                assertThat(rejections(tooLarge)).isEqualTo(config.setAsideAfter());
                assertThat(lastError(tooLarge)).contains(RecordTooLargeException.class.getName());
                UUID later = write(tenant, laterUser, "Written after the set-aside");
                assertThat(eventId(topic.awaitOne(laterUser.toString()))).as("other keys keep flowing").isEqualTo(later);
                assertThat(topic.withKey(blockedUser.toString())).as("its key waits behind it").isEmpty();
                assertThat(sent(behind)).isFalse();
                await().atMost(UserEventsTopic.WAIT).until(() -> setAsideGauge() == 1.0);

                globalAdministrator(tenant).get(SET_ASIDE).then().statusCode(200)
                        .body("size()", equalTo(1))
                        .body("[0].id", equalTo(tooLarge.toString()))
                        .body("[0].type", equalTo("org.licenselifecycle.directory.UserUpdated.v1"))
                        .body("[0].topic", equalTo("directory.user-events"))
                        .body("[0].key", equalTo(blockedUser.toString()))
                        .body("[0].rejections", equalTo(config.setAsideAfter()))
                        .body("[0].eventsWaitingBehind", equalTo(1))
                        .body("[0].lastError", org.hamcrest.Matchers.containsString("RecordTooLargeException"));
                onlyItsTenantsGlobalAdministratorSeesAndResolvesIt(tenant, tooLarge);

                globalAdministrator(tenant).post(SET_ASIDE + "/{id}/discard", tooLarge).then().statusCode(204);

                List<ConsumerRecord<String, String>> released = awaitRecords(topic, blockedUser, 1);
                assertThat(released).extracting(OutboxSetAsideTest::eventId).containsExactly(behind);
                globalAdministrator(tenant).get(SET_ASIDE).then().statusCode(200).body("$", empty());
                globalAdministrator(tenant).post(SET_ASIDE + "/{id}/discard", tooLarge).then().statusCode(404);
                await().atMost(UserEventsTopic.WAIT).until(() -> setAsideGauge() == 0.0);
            } finally {
                discardIfStillSetAside(tenant, tooLarge);
            }
        }
    }

    @Test
    void aRetriedEventGoesOutFirstOfItsKeyOnceTheCauseIsFixed() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        try (UserEventsTopic topic = UserEventsTopic.fromTheStart()) {
            UUID tooLarge = write(tenant, user, "x".repeat(1_100_000));
            UUID behind = write(tenant, user, "Behind the refused one");
            try {
                await().atMost(SET_ASIDE_WAIT).until(() -> setAside(tooLarge));
                // what an operator would do (raise the size limits) stands in here as a smaller payload
                sql.update("UPDATE outbox_event SET payload = replace(payload, repeat('x', 1100000), 'Fixed') WHERE id = ?",
                        tooLarge);

                globalAdministrator(tenant).post(SET_ASIDE + "/{id}/retry", tooLarge).then().statusCode(204);

                List<ConsumerRecord<String, String>> records = awaitRecords(topic, user, 2);
                assertThat(records).extracting(OutboxSetAsideTest::eventId).startsWith(tooLarge, behind);
                assertThat(records.get(0).value()).contains("\"displayName\":\"Fixed\"");
                await().atMost(UserEventsTopic.WAIT).until(() -> sent(tooLarge) && sent(behind));
                assertThat(rejections(tooLarge)).as("counted from zero again").isZero();
                globalAdministrator(tenant).post(SET_ASIDE + "/{id}/retry", tooLarge).then().statusCode(404);
            } finally {
                discardIfStillSetAside(tenant, tooLarge);
            }
        }
    }

    @Test
    void aLaterEventOfAKeyIsNotEvenSentWhileAnEarlierOneFailsButOtherKeysAreSentAndMarked() {
        UUID tenant = UUID.randomUUID();
        UUID blockedUser = UUID.randomUUID();
        UUID slowUser = UUID.randomUUID();
        UUID freeUser = UUID.randomUUID();
        await().atMost(UserEventsTopic.WAIT).until(() -> waitingRows() == 0);
        relay.pause();
        UUID refused = write(tenant, blockedUser, "Refused");
        UUID afterRefused = write(tenant, blockedUser, "After the refused one");
        UUID leaderMoved = write(tenant, slowUser, "Its partition's leader moved");
        UUID free1 = write(tenant, freeUser, "First");
        UUID free2 = write(tenant, freeUser, "Second");
        try {
            List<UUID> handedOver = new ArrayList<>();
            OutboxSender failingTwo = event -> {
                handedOver.add(event.id());
                if (event.id().equals(refused)) {
                    return CompletableFuture.failedFuture(new RecordTooLargeException("too large"));
                }
                if (event.id().equals(leaderMoved)) {
                    return CompletableFuture.failedFuture(new NotLeaderOrFollowerException("leader moved"));
                }
                return kafka.send(event);
            };

            // a scheduled pass started before the pause may still hold the relay's lock: try until ours runs
            int[] acknowledged = new int[1];
            await().atMost(UserEventsTopic.WAIT).until(() -> {
                acknowledged[0] = relay.relay(10, failingTwo);
                return !handedOver.isEmpty();
            });

            assertThat(handedOver).as("the second event of a key goes only after the first was acknowledged")
                    .containsExactly(refused, leaderMoved, free1, free2);
            assertThat(acknowledged[0]).isEqualTo(2);
            assertThat(sent(free1) && sent(free2)).isTrue();
            assertThat(sent(refused) || sent(afterRefused) || sent(leaderMoved)).isFalse();
            assertThat(rejections(refused)).as("a refusal for good counts").isEqualTo(1);
            assertThat(rejections(leaderMoved)).as("a retriable failure does not").isZero();
            assertThat(lastError(leaderMoved)).contains("NotLeaderOrFollowerException");
            assertThat(rejections(afterRefused)).isZero();
            assertThat(lastError(afterRefused)).isNull();
        } finally {
            relay.resume();
        }
        // the real sender takes them all once the relay runs again
        await().atMost(UserEventsTopic.WAIT).until(() -> sent(refused) && sent(afterRefused) && sent(leaderMoved));
    }

    private void onlyItsTenantsGlobalAdministratorSeesAndResolvesIt(UUID tenant, UUID event) {
        as(tenant, DirectoryRole.LICENSE_ADMINISTRATOR).get(SET_ASIDE).then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
        as(tenant, DirectoryRole.USER_ADMINISTRATOR).post(SET_ASIDE + "/{id}/discard", event).then().statusCode(403);
        UUID otherTenant = UUID.randomUUID();
        globalAdministrator(otherTenant).get(SET_ASIDE).then().statusCode(200).body("$", empty());
        globalAdministrator(otherTenant).post(SET_ASIDE + "/{id}/discard", event).then().statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"));
        globalAdministrator(otherTenant).post(SET_ASIDE + "/{id}/retry", event).then().statusCode(404);
        globalAdministrator(tenant).get("/api/v1/operations/licensing-service/outbox/set-aside").then().statusCode(404);
        globalAdministrator(tenant).post(SET_ASIDE + "/{id}/retry", "not-an-id").then().statusCode(404);
        assertThat(setAside(event)).as("nothing changed").isTrue();
    }

    /** Writes a UserUpdated for {@code user} through the outbox, in a transaction of its own. */
    private UUID write(UUID tenant, UUID user, String displayName) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.add(user, new UserUpdated(tenant, user,
                "u" + user.toString().substring(0, 8) + "@contoso.com", displayName, "US", true, null, Instant.now())));
    }

    private static RequestSpecification globalAdministrator(UUID tenant) {
        return as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR);
    }

    private static RequestSpecification as(UUID tenant, DirectoryRole role) {
        return given().auth().oauth2(DevTokens.token(tenant, role));
    }

    private static UUID eventId(ConsumerRecord<String, String> record) {
        return UUID.fromString(header(record, CloudEventHeaders.ID));
    }

    /** The records of one key in the order the topic holds them, once there are at least {@code count}. */
    private static List<ConsumerRecord<String, String>> awaitRecords(UserEventsTopic topic, UUID key, int count) {
        await().atMost(UserEventsTopic.WAIT).until(() -> topic.withKey(key.toString()).size() >= count);
        return topic.withKey(key.toString());
    }

    private double setAsideGauge() {
        Matcher gauge = SET_ASIDE_GAUGE.matcher(given().get("/q/metrics").then().statusCode(200).extract().asString());
        return gauge.find() ? Double.parseDouble(gauge.group(1)) : Double.NaN;
    }

    private boolean setAside(UUID event) {
        return row(event, "set_aside_at IS NOT NULL AND discarded_at IS NULL", Boolean.class);
    }

    private boolean sent(UUID event) {
        return row(event, "sent_at IS NOT NULL", Boolean.class);
    }

    private int rejections(UUID event) {
        return row(event, "rejections", Integer.class);
    }

    private String lastError(UUID event) {
        return row(event, "last_error", String.class);
    }

    private <T> T row(UUID event, String expression, Class<T> type) {
        // a list, not first(): the value may be null
        return sql.list("SELECT " + expression + " FROM outbox_event WHERE id = ?", r -> r.getObject(1, type), event).get(0);
    }

    private long waitingRows() {
        return sql.first("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND set_aside_at IS NULL",
                r -> r.getLong(1)).orElseThrow();
    }

    private void discardIfStillSetAside(UUID tenant, UUID event) {
        if (setAside(event)) {
            globalAdministrator(tenant).post(SET_ASIDE + "/{id}/discard", event);
        }
    }
}
