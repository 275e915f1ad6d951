package org.licenselifecycle.directory.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.directory.UserEventsTopic.header;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.deleteUser;
import static org.licenselifecycle.directory.UserFixtures.outboxEvents;
import static org.licenselifecycle.directory.UserFixtures.usersIn;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.directory.UserEventsTopic;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/** UserDeleted, UserRestored and UserPurged on directory.user-events, and the purge at the end of the window. */
@QuarkusTest
@WithTestResource(Rig.class)
class DeletedUsersEventsTest {

    private static final Duration WINDOW = Duration.ofDays(30);

    @Inject
    MovableClock clock;

    @Inject
    DeletedUsersPurge purge;

    @Inject
    EntityManager entityManager;

    @Test
    void deleteRestoreAndPermanentDeleteAreAnnouncedInOrderWithWhoAndWhen() {
        UUID tenant = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String id = createUser(tenant, "announced");
        Instant deletedAt = Instant.parse("2026-11-02T10:15:30Z");
        try {
            clock.fixAt(deletedAt);
            RestAssured.given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.USER_ADMINISTRATOR))
                    .when().delete("/v1.0/users/{id}", id).then().statusCode(204);
            clock.fixAt(deletedAt.plusSeconds(60));
            RestAssured.given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.USER_ADMINISTRATOR))
                    .when().post("/v1.0/directory/deletedItems/{id}/restore", id).then().statusCode(200);
            deleteUser(tenant, id);
            clock.fixAt(deletedAt.plusSeconds(180));
            RestAssured.given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.GLOBAL_ADMINISTRATOR))
                    .when().delete("/v1.0/directory/deletedItems/{id}", id).then().statusCode(204);
        } finally {
            clock.release();
        }

        try (UserEventsTopic topic = UserEventsTopic.fromTheStart()) {
            await().atMost(UserEventsTopic.WAIT).until(() -> topic.withKey(id).size() == 5);
            List<ConsumerRecord<String, String>> records = topic.withKey(id);
            assertThat(records.stream().map(r -> header(r, CloudEventHeaders.TYPE)).toList()).containsExactly(
                    EventType.USER_CREATED.ceType(), EventType.USER_DELETED.ceType(), EventType.USER_RESTORED.ceType(),
                    EventType.USER_DELETED.ceType(), EventType.USER_PURGED.ceType());
            UUID userId = UUID.fromString(id);
            assertThat(EventJson.read(records.get(1).value(), UserDeleted.class)).isEqualTo(new UserDeleted(
                    tenant, userId, "announced@contoso.com", null, admin, deletedAt, deletedAt.plus(WINDOW)));
            assertThat(EventJson.read(records.get(2).value(), UserRestored.class)).isEqualTo(new UserRestored(
                    tenant, userId, "announced@contoso.com", admin, deletedAt.plusSeconds(60)));
            assertThat(EventJson.read(records.get(4).value(), UserPurged.class)).isEqualTo(new UserPurged(
                    tenant, userId, "announced@contoso.com", admin, deletedAt.plusSeconds(180)));
        }
    }

    @Test
    void thePurgeRemovesDeletedUsersOnlyOnceTheirWindowHasPassedAndOnlyOnce() {
        UUID tenant = UUID.randomUUID();
        Instant deletedAt = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String due = createUser(tenant, "due");
        String restored = createUser(tenant, "restored");
        String active = createUser(tenant, "active");
        try {
            clock.fixAt(deletedAt);
            deleteUser(tenant, due);
            deleteUser(tenant, restored);
            asUserAdministrator(tenant).when().post("/v1.0/directory/deletedItems/{id}/restore", restored)
                    .then().statusCode(200);

            clock.fixAt(deletedAt.plus(WINDOW).minusSeconds(1));
            purge.purgeDue();
            assertThat(usersIn(entityManager, tenant)).as("inside the window nothing is purged").isEqualTo(3);
            asUserAdministrator(tenant).when().post("/v1.0/directory/deletedItems/{id}/restore", due)
                    .then().statusCode(200);
            deleteUser(tenant, due);

            clock.fixAt(deletedAt.plus(WINDOW).plus(WINDOW));
            purge.purgeDue();
            purge.purgeDue();
        } finally {
            clock.release();
        }

        assertThat(usersIn(entityManager, tenant)).isEqualTo(2);
        asUserAdministrator(tenant).when().post("/v1.0/directory/deletedItems/{id}/restore", due).then().statusCode(404);
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", restored).then().statusCode(200);
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", active).then().statusCode(200);
        assertThat(outboxEvents(entityManager, due, "UserPurged")).isEqualTo(1);
        assertThat(outboxEvents(entityManager, restored, "UserPurged")).isZero();
    }

    @Test
    void purgesRunningAtTheSameTimeRemoveEachUserOnce() {
        UUID tenant = UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        Instant deletedAt = Instant.now();
        try {
            clock.fixAt(deletedAt);
            for (int i = 0; i < 6; i++) {
                String id = createUser(tenant, "racer" + i);
                deleteUser(tenant, id);
                ids.add(id);
            }
            clock.fixAt(deletedAt.plus(WINDOW).plusSeconds(1));
            List<CompletableFuture<Integer>> runs = List.of(
                    CompletableFuture.supplyAsync(purge::purgeDue), CompletableFuture.supplyAsync(purge::purgeDue),
                    CompletableFuture.supplyAsync(purge::purgeDue));
            runs.forEach(CompletableFuture::join);
        } finally {
            clock.release();
        }

        assertThat(usersIn(entityManager, tenant)).isZero();
        for (String id : ids) {
            assertThat(outboxEvents(entityManager, id, "UserPurged")).as(id).isEqualTo(1);
        }
    }
}
