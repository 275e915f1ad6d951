package org.licenselifecycle.support.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.PrometheusText;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * The Inbox's metrics on {@code /q/metrics}, per consumer: a poison record is a failure and a dead letter at once, an
 * event that keeps failing is a dead letter once its delayed-retry topics are used up, and each delivery is timed.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class ConsumerMetricsTest {

    private static final String CONSUMER = "consumer=\"" + ProbeConsumer.CONSUMER + "\"";
    private static final Duration DEAD_LETTERED = Duration.ofSeconds(60);

    @Inject
    ProbeConsumer probe;

    @Test
    void aPoisonRecordCountsAsAFailureAndADeadLetterOfItsConsumer() {
        double deadBefore = scraped("inbox_dead_letters_total", CONSUMER);
        double failuresBefore = scraped("inbox_failures_total", CONSUMER);

        Kafka.companion().produceStrings().fromRecords(TestEvents.record(ProbeConsumer.TOPIC,
                UUID.randomUUID().toString(), "not an event", Map.of())).awaitCompletion();

        await().atMost(DEAD_LETTERED).untilAsserted(() ->
                assertThat(scraped("inbox_dead_letters_total", CONSUMER)).isEqualTo(deadBefore + 1));
        assertThat(scraped("inbox_failures_total", CONSUMER)).isEqualTo(failuresBefore + 1);
        assertThat(scraped("inbox_processing_seconds_count", CONSUMER, "outcome=\"dead_letter\"")).isPositive();
    }

    @Test
    void anEventThatKeepsFailingIsADeadLetterOnceItsRetriesAreUsedUpAndAnAppliedOneIsTimed() {
        UUID failing = UUID.randomUUID();
        UUID fine = UUID.randomUUID();
        probe.failUntilFixed(failing);
        double deadBefore = scraped("inbox_dead_letters_total", CONSUMER);
        double failuresBefore = scraped("inbox_failures_total", CONSUMER);
        double appliedBefore = scraped("inbox_processing_seconds_count", CONSUMER, "outcome=\"applied\"");

        publish(failing);
        publish(fine);

        await().atMost(DEAD_LETTERED).untilAsserted(() ->
                assertThat(scraped("inbox_dead_letters_total", CONSUMER)).isEqualTo(deadBefore + 1));
        assertThat(scraped("inbox_failures_total", CONSUMER)).as("the first try and each delayed one failed")
                .isEqualTo(failuresBefore + 3);
        assertThat(scraped("inbox_processing_seconds_count", CONSUMER, "outcome=\"applied\"")).isGreaterThan(appliedBefore);
        assertThat(scraped("inbox_processing_seconds_sum", CONSUMER, "outcome=\"applied\"")).isPositive();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(scraped("inbox_dead_letters_total", CONSUMER)).as("a dead letter is counted once")
                        .isEqualTo(deadBefore + 1));
        probe.fix(failing);
    }

    private static void publish(UUID eventId) {
        Map<String, String> headers = TestEvents.headers(eventId, EventType.USER_UPDATED.ceType(), "/inbox-probe");
        Kafka.companion().produceStrings().fromRecords(TestEvents.record(ProbeConsumer.TOPIC, UUID.randomUUID().toString(),
                "{}", headers)).awaitCompletion();
    }

    static double scraped(String name, String... labels) {
        return PrometheusText.value(given().get("/q/metrics").then().statusCode(200).extract().asString(), name, labels);
    }
}
