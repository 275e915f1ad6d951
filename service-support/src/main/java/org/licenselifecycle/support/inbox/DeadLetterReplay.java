package org.licenselifecycle.support.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.licenselifecycle.events.MalformedEventException;
import org.licenselifecycle.events.Topics;

/**
 * Puts the records of a dead-letter topic back on the topic they came from, with their key, value and
 * CloudEvents headers, once the cause is fixed. Each consumer of that topic takes them as any event: the one
 * that could not apply it applies it now, the others skip it by its event id (they remember event ids
 * longer than any topic keeps a record). The retry and dead-letter headers are dropped, so that a replayed
 * event gets all its tries again.
 * <p>
 * Each dead letter is replayed once: the offsets reached are committed as consumer group {@value #GROUP}.
 * Records dead-lettered because they cannot be read ({@link MalformedEventException}) would fail the same way
 * again: they are left, unless asked for. Run from any service's classpath (plain Kafka clients):
 * {@code java -cp '<service>/lib/main/*' org.licenselifecycle.support.inbox.DeadLetterReplay --topic <dead-letter topic>
 * [--bootstrap host:port] [--include-malformed]}; {@code deploy/local/replay-dead-letters} does it locally.
 */
public final class DeadLetterReplay {

    /** The consumer group under which the replay remembers how far it went on each dead-letter topic. */
    public static final String GROUP = "dead-letter-replay";

    private static final Duration STALL_LIMIT = Duration.ofMinutes(2);
    private static final List<String> CONNECTOR_HEADER_PREFIXES = List.of("delayed-retry-", "dead-letter-");
    private static final List<String> EXCEPTION_HEADERS = List.of("delayed-retry-exception-class-name",
            "dead-letter-exception-class-name");

    /** What one replay did. */
    public record Result(String from, String to, int replayed, int unreadableLeft) {
    }

    private DeadLetterReplay() {
    }

    public static void main(String[] args) {
        String topic = null;
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        boolean includeMalformed = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--topic" -> topic = value(args, ++i);
                case "--bootstrap" -> bootstrap = value(args, ++i);
                case "--include-malformed" -> includeMalformed = true;
                default -> usage("unknown argument " + args[i]);
            }
        }
        if (topic == null) {
            usage("--topic is required");
        }
        Result result = replay(bootstrap, topic, includeMalformed);
        System.out.printf("Replayed %d dead letters from %s to %s%s%n", result.replayed(), result.from(), result.to(),
                result.unreadableLeft() == 0 ? "" : "; left " + result.unreadableLeft()
                        + " that cannot be read (--include-malformed replays them too)");
    }

    /**
     * Replays the dead letters of {@code deadLetterTopic} not replayed yet to its source topic
     * ({@code <source>.<consumer>.dlq}), and returns once the broker has acknowledged every one.
     */
    public static Result replay(String bootstrapServers, String deadLetterTopic, boolean includeMalformed) {
        String target = Topics.sourceOfDeadLetters(deadLetterTopic);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(bootstrapServers));
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrapServers))) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata from = committed.get(partition);
                if (from == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, from.offset());
                }
            }
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            int unreadable = 0;
            Instant lastProgress = Instant.now();
            while (!reached(consumer, end)) {
                if (Instant.now().isAfter(lastProgress.plus(STALL_LIMIT))) {
                    throw new IllegalStateException("No progress reading " + deadLetterTopic + " for " + STALL_LIMIT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    lastProgress = Instant.now();
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // dead-lettered after this replay began: the next replay takes it
                    }
                    if (!includeMalformed && unreadable(record)) {
                        unreadable++;
                        continue;
                    }
                    sent.add(producer.send(new ProducerRecord<>(target, null, record.key(), record.value(), replayed(record))));
                }
            }
            producer.flush();
            for (Future<RecordMetadata> send : sent) {
                send.get();
            }
            Map<TopicPartition, OffsetAndMetadata> reached = new HashMap<>();
            end.forEach((partition, offset) -> reached.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(reached);
            return new Result(deadLetterTopic, target, sent.size(), unreadable);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying " + deadLetterTopic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("The broker refused a replayed record of " + deadLetterTopic
                    + "; nothing was committed, so replaying again sends them all again", e.getCause());
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    /** The record's headers without the connector's retry and dead-letter ones: ce_* and any other stay. */
    private static RecordHeaders replayed(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (CONNECTOR_HEADER_PREFIXES.stream().noneMatch(header.key()::startsWith)) {
                headers.add(header);
            }
        }
        return headers;
    }

    private static boolean unreadable(ConsumerRecord<byte[], byte[]> record) {
        for (String name : EXCEPTION_HEADERS) {
            Header header = record.headers().lastHeader(name);
            if (header != null && MalformedEventException.class.getName()
                    .equals(new String(header.value(), StandardCharsets.UTF_8))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> consumerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            usage(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("Usage: DeadLetterReplay --topic <source>.<consumer>.dlq [--bootstrap host:port] [--include-malformed]");
        System.exit(2);
    }
}
