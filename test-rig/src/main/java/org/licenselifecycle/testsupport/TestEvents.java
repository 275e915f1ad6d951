package org.licenselifecycle.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.licenselifecycle.events.CloudEventHeaders;

/** Kafka records shaped as our producers send them (CloudEvents 1.0, binary mode), for consumers' tests. */
public final class TestEvents {

    private TestEvents() {
    }

    /** The CloudEvents headers a producer at {@code source} (e.g. {@code /licensing-service}) sends. */
    public static Map<String, String> headers(UUID eventId, String ceType, String source) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.ID, eventId.toString());
        headers.put(CloudEventHeaders.TYPE, ceType);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TIME, OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        return headers;
    }

    /** A record with any key, value and headers at all, well-formed or not. */
    public static ProducerRecord<String, String> record(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** A record as a consumer receives it (partition 0, offset 0), for tests that hand records to the Inbox. */
    public static ConsumerRecord<String, String> received(String topic, String key, String value,
            Map<String, String> headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0L, key, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** A header of a record received from the broker, as text; null when the record has none of that name. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * {@code record} as the Kafka connector hands it to a consumer's {@code @Incoming} method, for tests that call
     * the consumer directly. A record the consumer does not acknowledge (retry, dead letter) fails the test.
     */
    public static Message<String> delivered(ConsumerRecord<String, String> record) {
        return Message.of(record.value(), Metadata.of(new IncomingKafkaRecordMetadata<>(record, record.topic())))
                .withNack(reason -> {
                    throw new AssertionError("The consumer did not apply the record at offset " + record.offset(), reason);
                });
    }
}
