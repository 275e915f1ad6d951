package org.licenselifecycle.testsupport;

import static org.awaitility.Awaitility.await;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A real Kafka broker for the tests of this JVM: the one named by {@code KAFKA_BOOTSTRAP_SERVERS} when
 * the environment gives one, otherwise a single KRaft broker started once, from {@link Servers#chosen()}: in a
 * container where a Docker engine is reachable, else in this JVM.
 */
public final class Kafka {

    private static String bootstrapServers;

    private Kafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String given = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (given != null) {
                bootstrapServers = given;
            } else if (Servers.chosen() == Servers.CONTAINERS) {
                bootstrapServers = Containers.kafkaBootstrapServers();
            } else {
                EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker().withDeleteLogDirsOnClose(true).start();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
                bootstrapServers = broker.getAdvertisedListeners();
            }
        }
        return bootstrapServers;
    }

    /** A client for producing, consuming and administering topics on the rig's broker. */
    public static KafkaCompanion companion() {
        return new KafkaCompanion(bootstrapServers());
    }

    /**
     * Waits until the consumer group {@code group} has taken (and committed) every record published so far to
     * {@code topic}, so that a test can assert that an event changed nothing.
     */
    public static void awaitCommitted(KafkaCompanion kafka, String topic, String group, Duration atMost) {
        List<TopicPartition> partitions = kafka.topics().describe(topic).get(topic)
                .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        kafka.offsets().list(partitions).forEach((partition, info) -> ends.put(partition, info.offset()));
        await().atMost(atMost).until(() -> {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.consumerGroups().offsets(group, partitions);
            return ends.entrySet().stream().allMatch(end -> {
                OffsetAndMetadata offset = committed.get(end.getKey());
                return end.getValue() == 0 || offset != null && offset.offset() >= end.getValue();
            });
        });
    }

    /**
     * Every record on {@code topic} at this moment, from its beginning to its current end (none when the topic
     * does not exist): to check that something is not there, once the records before it are known to be.
     */
    public static List<ConsumerRecord<String, String>> recordsOn(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
            return records;
        }
    }

    /**
     * How a channel's consumer fetches as the service configured it: its {@code fetch.min.bytes} and
     * {@code fetch.max.wait.ms}, where set (absent: Kafka's defaults, 1 byte and 500 ms).
     */
    public static Map<String, String> fetchSettings(KafkaClientService clients, String channel) {
        Map<String, ?> configuration = clients.getConsumer(channel).configuration();
        Map<String, String> fetch = new LinkedHashMap<>();
        for (String key : List.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG)) {
            if (configuration.get(key) != null) {
                fetch.put(key, configuration.get(key).toString());
            }
        }
        return fetch;
    }
}
