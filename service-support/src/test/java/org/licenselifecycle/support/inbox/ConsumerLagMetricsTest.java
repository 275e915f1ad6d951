package org.licenselifecycle.support.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.PrometheusText;
import org.licenselifecycle.testsupport.Rig;

/**
 * Each consumer's lag in records on {@code /q/metrics}: the Kafka client's own {@code records-lag} per topic and
 * partition, which Quarkus' Micrometer Kafka binder exports as {@code kafka_consumer_fetch_manager_records_lag} (the
 * lag when the consumer last took records) and {@code ..._records_lag_max} (the highest over the last minute), tagged
 * by the consumer's {@code client_id} ({@code kafka-consumer-<channel>}, one consumer group per channel), topic and
 * partition: bounded by the channels and partitions, never by tenant or user. The alert ConsumerLagging and the
 * dashboard's panel read them (deploy/k8s/components/monitoring).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class ConsumerLagMetricsTest {

    private static final String CLIENT = "client_id=\"" + LagProbe.CLIENT_ID + "\"";
    private static final String TOPIC = "topic=\"" + LagProbe.TOPIC + "\"";
    private static final int BEHIND = 30;
    /** Micrometer's Kafka binder looks for the client's new metrics (a partition's, once it is read) every minute. */
    private static final Duration BOUND = Duration.ofSeconds(120);

    @Inject
    LagProbe probe;

    @Test
    void aConsumerThatFallsBehindShowsItsLagInRecordsPerTopicAndNoneOnceCaughtUp() {
        publish(1);
        await().atMost(BOUND).pollInterval(Duration.ofSeconds(1)).until(() ->
                metrics().contains("kafka_consumer_fetch_manager_records_lag{") && metrics().lines()
                        .anyMatch(line -> line.startsWith("kafka_consumer_fetch_manager_records_lag{")
                                && line.contains(CLIENT) && line.contains(TOPIC)));

        probe.hold();
        publish(1);
        publish(BEHIND);
        probe.release();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scraped("kafka_consumer_fetch_manager_records_lag_max", CLIENT, TOPIC))
                        .as("the most records the consumer was behind on its topic, over the last minute")
                        .isGreaterThanOrEqualTo(BEHIND - 5));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(scraped("kafka_consumer_fetch_manager_records_lag", CLIENT, TOPIC))
                        .as("caught up").isZero());
    }

    private static void publish(int records) {
        List<ProducerRecord<String, String>> batch = IntStream.range(0, records)
                .mapToObj(i -> new ProducerRecord<>(LagProbe.TOPIC, UUID.randomUUID().toString(), "record " + i)).toList();
        Kafka.companion().produceStrings().fromRecords(batch).awaitCompletion();
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double scraped(String name, String... labels) {
        return PrometheusText.value(metrics(), name, labels);
    }
}
