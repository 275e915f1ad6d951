package org.licenselifecycle.support.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.MalformedEventException;

/**
 * A CloudEvent read off Kafka (binary mode). Reading fails with {@link MalformedEventException} when the
 * record is not a CloudEvent of ours, so that it goes to the dead-letter topic.
 *
 * @param type the event type, empty when this release does not know it (a newer producer): skip it
 */
public record IncomingEvent(UUID id, String ceType, Optional<EventType> type, String source, Instant time,
        String key, String data) {

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        UUID id = uuid(header(record, CloudEventHeaders.ID));
        String ceType = header(record, CloudEventHeaders.TYPE);
        String source = header(record, CloudEventHeaders.SOURCE);
        Instant time = time(header(record, CloudEventHeaders.TIME));
        if (record.value() == null) {
            throw new MalformedEventException("Event " + id + " has no data");
        }
        return new IncomingEvent(id, ceType, EventType.fromCeType(ceType), source, time, record.key(), record.value());
    }

    /** The event's data as the record of its type. */
    public <T extends Record> T data(Class<T> type) {
        return EventJson.read(data, type);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new MalformedEventException("Record at offset " + record.offset() + " has no " + name + " header");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("ce_id is not a UUID: " + value, e);
        }
    }

    private static Instant time(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("ce_time is not an RFC 3339 time: " + value, e);
        }
    }
}
