package org.licenselifecycle.support.inbox;

import static org.licenselifecycle.testsupport.TestEvents.header;

import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.licenselifecycle.events.CloudEventHeaders;

/** Picks records out of what the broker holds on a topic ({@code Kafka.recordsOn}), for the Inbox tests on Kafka. */
final class BrokerRecords {

    private BrokerRecords() {
    }

    static List<ConsumerRecord<String, String>> withKey(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    static List<ConsumerRecord<String, String>> withEventId(List<ConsumerRecord<String, String>> records, UUID eventId) {
        return records.stream().filter(r -> eventId.toString().equals(header(r, CloudEventHeaders.ID))).toList();
    }
}
