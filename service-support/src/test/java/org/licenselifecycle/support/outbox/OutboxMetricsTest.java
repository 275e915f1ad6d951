package org.licenselifecycle.support.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.testsupport.PrometheusText;
import org.licenselifecycle.testsupport.Rig;

/**
 * The outbox on {@code /q/metrics}: with the relay paused an unsent row is backlog with an age that grows; once the
 * relay resumes it is sent, the backlog drains and the send is timed.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class OutboxMetricsTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Test
    void anUnsentRowIsBacklogWithAnAgeUntilTheRelaySendsItAndTimesTheSend() {
        double sendsBefore = scraped("outbox_relay_send_seconds_count");
        relay.pause();
        try {
            UUID userId = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> outbox.add(userId,
                    new UserPurged(UUID.randomUUID(), userId, "metered@contoso.example", null, Instant.now())));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(scraped("outbox_events_waiting")).isGreaterThanOrEqualTo(1);
                assertThat(scraped("outbox_oldest_waiting_age_seconds")).isPositive();
            });
        } finally {
            relay.resume();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(scraped("outbox_events_waiting")).isZero();
            assertThat(scraped("outbox_oldest_waiting_age_seconds")).isZero();
        });
        assertThat(scraped("outbox_relay_send_seconds_count")).isGreaterThan(sendsBefore);
        assertThat(PrometheusText.names(given().get("/q/metrics").then().extract().asString()))
                .as("the gauges an operator alerts on").contains("outbox_events_set_aside", "kafka_broker_reachable", "outbox_relay_send_seconds_sum");
    }

    private static double scraped(String name) {
        return PrometheusText.value(given().get("/q/metrics").then().statusCode(200).extract().asString(), name);
    }
}
