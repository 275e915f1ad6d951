package org.licenselifecycle.directory.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.directory.UserEventsTopic.header;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.body;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.directory.UserEventsTopic;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class UserCreatedEventTest {

    @Inject
    EntityManager entityManager;

    @Test
    void creatingAUserPublishesUserCreatedAsACloudEventKeyedByTheUsersId() {
        UUID tenant = UUID.randomUUID();
        Map<String, Object> body = body("announced");
        body.put("accountEnabled", false);
        body.put("usageLocation", "DE");

        try (UserEventsTopic topic = UserEventsTopic.fromTheStart()) {
            JsonPath user = asUserAdministrator(tenant).contentType(ContentType.JSON).body(body)
                    .when().post("/v1.0/users")
                    .then().statusCode(201)
                    .extract().jsonPath();
            String id = user.getString("id");

            ConsumerRecord<String, String> record = topic.awaitOne(id);

            assertThat(record.key()).isEqualTo(id);
            String eventId = header(record, CloudEventHeaders.ID);
            assertThat(UUID.fromString(eventId)).isEqualTo(outboxEventIdOf(id));
            assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventType.USER_CREATED.ceType());
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/directory-service");
            assertThat(OffsetDateTime.parse(header(record, CloudEventHeaders.TIME)).toInstant())
                    .isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
            assertThat(EventJson.read(record.value(), UserCreated.class)).isEqualTo(new UserCreated(
                    tenant, UUID.fromString(id), "announced@contoso.com", "Adele Vance announced", "announced", "DE",
                    false, Instant.parse(user.getString("createdDateTime"))));
            assertThat(record.value()).doesNotContain("password").doesNotContain("xWwvJ");
        }
        await().atMost(UserEventsTopic.WAIT).until(() -> sentAtOf(tenant) != null);
    }

    private UUID outboxEventIdOf(String userId) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager
                .createNativeQuery("SELECT id FROM outbox_event WHERE event_key = ?1")
                .setParameter(1, userId)
                .getSingleResult());
    }

    /** When the broker acknowledged the tenant's one outbox row (null while unsent). */
    private Object sentAtOf(UUID tenant) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("""
                        SELECT o.sent_at FROM outbox_event o JOIN users u ON o.event_key = u.id::text
                        WHERE u.tenant_id = ?1""")
                .setParameter(1, tenant)
                .getSingleResult());
    }
}
