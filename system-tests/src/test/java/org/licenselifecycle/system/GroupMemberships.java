package org.licenselifecycle.system;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.GroupMembershipChanged;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * Group memberships as directory-service announces them (GroupMembershipChanged on {@code directory.user-events},
 * keyed by the user, with its CloudEvents headers), written to the running system's broker as its outbox relay would.
 */
final class GroupMemberships {

    private GroupMemberships() {
    }

    /** The user joins ({@code member}) or leaves the group of the tenant, now. */
    static void publish(UUID tenantId, UUID group, String name, String userId, boolean member) {
        GroupMembershipChanged changed = new GroupMembershipChanged(tenantId, UUID.fromString(userId), group, name, member,
                null, Instant.now());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(TestEvents.record(Topics.USER_EVENTS, userId, EventJson.write(changed),
                    TestEvents.headers(UUID.randomUUID(), EventType.GROUP_MEMBERSHIP_CHANGED.ceType(), "/directory-service")))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("GroupMembershipChanged not published", e);
        }
    }
}
