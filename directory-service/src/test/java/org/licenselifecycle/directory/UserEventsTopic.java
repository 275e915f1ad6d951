package org.licenselifecycle.directory;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.testsupport.Kafka;

/** Everything on {@code directory.user-events}, read from the beginning by a consumer of its own. */
public final class UserEventsTopic implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(30);

    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> task;

    private UserEventsTopic() {
        companion = Kafka.companion();
        task = companion.consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(Topics.USER_EVENTS);
    }

    public static UserEventsTopic fromTheStart() {
        return new UserEventsTopic();
    }

    public List<ConsumerRecord<String, String>> withKey(String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Waits until every key has at least one record, and returns all records read by then. */
    public List<ConsumerRecord<String, String>> awaitKeys(Collection<String> keys) {
        await().atMost(WAIT).until(() -> keys.stream().allMatch(k -> !withKey(k).isEmpty()));
        return task.getRecords();
    }

    public ConsumerRecord<String, String> awaitOne(String key) {
        awaitKeys(List.of(key));
        return withKey(key).get(0);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        task.stop();
        companion.close();
    }
}
