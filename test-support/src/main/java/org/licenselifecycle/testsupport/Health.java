package org.licenselifecycle.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import org.licenselifecycle.support.outbox.KafkaBrokerHealthCheck;

/**
 * What every service's readiness report must say: ready with its database, whatever the broker's state, which
 * the "Kafka broker" check reports in its data (reachable or unreachable) without ever being DOWN.
 */
public final class Health {

    public static final String DATABASE_CHECK = "Database connections health check";
    private static final String BROKER = "checks.find { it.name == '" + KafkaBrokerHealthCheck.NAME + "' }";

    private Health() {
    }

    /** Waits until readiness reports the broker as {@code reachable} or {@code unreachable}, and checks it is UP. */
    public static ValidatableResponse awaitReadyWithBroker(String brokerState) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().get("/q/health/ready").then().body(BROKER + ".data.broker", equalTo(brokerState)));
        return assertReady();
    }

    /**
     * Readiness waits for the broker's first check and reports it reachable with the outbox's counts; liveness and
     * startup are UP.
     */
    public static void assertReadyAliveAndStartedWithTheBrokerReported() {
        awaitReadyWithBroker("reachable")
                .body(BROKER + ".data.outboxEventsWaiting", notNullValue())
                .body(BROKER + ".data.outboxEventsSetAside", notNullValue());
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** The broker's reachability and the outbox's backlog are Prometheus metrics. */
    public static void assertBrokerAndOutboxMetrics() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("kafka_broker_reachable 1.0"))
                .body(containsString("outbox_events_waiting "))
                .body(containsString("outbox_oldest_waiting_age_seconds "))
                .body(containsString("outbox_events_set_aside ")));
    }

    /** Readiness is 200 with the database check and an UP broker check, and none that needs the broker. */
    public static ValidatableResponse assertReady() {
        return given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems(DATABASE_CHECK, KafkaBrokerHealthCheck.NAME))
                .body("checks.name", not(hasItem("Kafka connection health check")))
                .body(BROKER + ".status", equalTo("UP"));
    }
}
