package org.licenselifecycle.directory.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.deleteUser;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

/**
 * {@code GET /internal/users/{id|upn}}: an active user as the UserUpdated that would announce them now, which
 * licensing folds in like the events, so its time must fall after every event already written about the user and
 * before every later one.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class UserSnapshotTest {

    @Inject
    EntityManager entityManager;

    @Test
    void anActiveUserIsAnsweredAsTheUserUpdatedOfNowByIdAndByUserPrincipalName() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "asked");

        UserUpdated byId = snapshot(tenant, id);
        UserUpdated byName = snapshot(tenant, "ASKED@contoso.com");

        assertThat(byId.tenantId()).isEqualTo(tenant);
        assertThat(byId.userId()).hasToString(id);
        assertThat(byId.userPrincipalName()).isEqualTo("asked@contoso.com");
        assertThat(byId.displayName()).isEqualTo("Adele Vance asked");
        assertThat(byId.usageLocation()).isEqualTo("US");
        assertThat(byId.accountEnabled()).isTrue();
        assertThat(byName.userId()).isEqualTo(byId.userId());
        assertThat(byId.updatedAt()).as("later than the UserCreated").isAfter(lastEventTime(id));
    }

    @Test
    void theAnswersTimeFallsBetweenTheUsersEventsBeforeAndAfterIt() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "between");
        asUserAdministrator(tenant).contentType(ContentType.JSON).body(Map.of("usageLocation", "NL"))
                .when().patch("/v1.0/users/{id}", id).then().statusCode(204);
        Instant before = lastEventTime(id);

        UserUpdated answer = snapshot(tenant, id);
        asUserAdministrator(tenant).contentType(ContentType.JSON).body(Map.of("usageLocation", "DE"))
                .when().patch("/v1.0/users/{id}", id).then().statusCode(204);

        assertThat(answer.usageLocation()).as("the change before is in the answer").isEqualTo("NL");
        assertThat(answer.updatedAt()).isAfter(before).isBefore(lastEventTime(id));
    }

    @Test
    void aDeletedUserAnotherTenantsUserAndNoTokenGetNoAnswer() {
        UUID tenant = UUID.randomUUID();
        String deleted = createUser(tenant, "gone");
        String kept = createUser(tenant, "kept");
        deleteUser(tenant, deleted);

        as(tenant, DirectoryRole.LICENSE_ADMINISTRATOR).when().get("/internal/users/{id}", deleted).then().statusCode(404);
        as(UUID.randomUUID(), DirectoryRole.GLOBAL_ADMINISTRATOR).when().get("/internal/users/{id}", kept)
                .then().statusCode(404);
        as(tenant, DirectoryRole.LICENSE_ADMINISTRATOR).when().get("/internal/users/{id}", UUID.randomUUID())
                .then().statusCode(404);
        given().when().get("/internal/users/{id}", kept).then().statusCode(401);
    }

    private static UserUpdated snapshot(UUID tenant, String user) {
        // licensing asks with its caller's token: a License Administrator's, say
        return EventJson.read(as(tenant, DirectoryRole.LICENSE_ADMINISTRATOR).when().get("/internal/users/{id}", user)
                .then().statusCode(200).extract().asString(), UserUpdated.class);
    }

    /** The time ({@code ce_time}) of the last event the outbox holds for the user. */
    private Instant lastEventTime(String userId) {
        Object time = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT max(occurred_at) FROM outbox_event WHERE event_key = ?1")
                .setParameter(1, userId)
                .getSingleResult());
        if (time instanceof Instant instant) {
            return instant;
        }
        if (time instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) time).toInstant();
    }
}
