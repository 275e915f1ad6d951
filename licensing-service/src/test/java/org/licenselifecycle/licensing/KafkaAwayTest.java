package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.TestTenant.add;
import static org.licenselifecycle.licensing.TestTenant.remove;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.testsupport.Health;
import org.licenselifecycle.testsupport.OwnBrokerRig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * Kafka away, API up: with the service's broker stopped (a broker of this test's own, see {@link OwnBrokerRig}),
 * the pod stays ready and alive for longer than the 20 s after which readiness used to fail, reports the broker
 * unreachable in its readiness details and metrics, and takes licenses on and off; when the broker is back, the
 * events of those writes are published in the order they were written.
 */
@QuarkusTest
@WithTestResource(OwnBrokerRig.class)
class KafkaAwayTest {

    private static final String BROKER_CHECK = "checks.find { it.name == 'Kafka broker' }";

    @Test
    void withTheBrokerAwayThePodStaysReadyWritesSucceedAndTheirEventsGoOutInOrderWhenItReturns() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID adele = newUser(tenant);
        UUID megan = newUser(tenant);
        Health.awaitReadyWithBroker("reachable");

        OwnBrokerRig.stopBroker();
        try {
            Health.awaitReadyWithBroker("unreachable").body(BROKER_CHECK + ".data.lastError", notNullValue());

            tenant.assignLicense(adele, add(BUSINESS_PREMIUM)).then().statusCode(200);
            tenant.assignLicense(megan, add(BUSINESS_PREMIUM)).then().statusCode(200);
            tenant.assignLicense(adele, remove(BUSINESS_PREMIUM)).then().statusCode(200);

            await().during(Duration.ofSeconds(22)).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> status("/q/health/ready") == 200 && status("/q/health/live") == 200);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                Health.assertReady().body(BROKER_CHECK + ".data.outboxEventsWaiting", greaterThanOrEqualTo(3));
                given().get("/q/metrics").then().statusCode(200).body(containsString("kafka_broker_reachable 0.0"));
            });
        } finally {
            OwnBrokerRig.startBroker();
        }

        Health.awaitReadyWithBroker("reachable");
        try (KafkaCompanion companion = OwnBrokerRig.companion();
                ConsumerTask<String, String> events = companion.consumeStrings()
                        .withProp("auto.offset.reset", "earliest").fromTopics(Topics.LICENSE_EVENTS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> distinctEventTypes(events, adele).size() == 2
                    && distinctEventTypes(events, megan).size() == 1);
            assertThat(distinctEventTypes(events, adele).values()).as("in the order they were written")
                    .containsExactly(EventType.LICENSE_ASSIGNED.ceType(), EventType.LICENSE_REMOVED.ceType());
            assertThat(distinctEventTypes(events, megan).values()).containsExactly(EventType.LICENSE_ASSIGNED.ceType());
        }
    }

    /** A user created by directory-service's event on this test's broker, known to licensing once this returns. */
    private static UUID newUser(TestTenant tenant) {
        UserCreated created = UserEvents.userCreated(tenant.id, "user-" + UUID.randomUUID() + "@contoso.example", "US");
        try (KafkaCompanion companion = OwnBrokerRig.companion()) {
            companion.produceStrings().fromRecords(List.of(TestEvents.record(Topics.USER_EVENTS, created.userId().toString(),
                    EventJson.write(created), TestEvents.headers(UUID.randomUUID(), EventType.USER_CREATED.ceType(),
                            "/directory-service")))).awaitCompletion();
        }
        tenant.awaitKnown(created.userId());
        return created.userId();
    }

    /** The user's events by id, first occurrences in topic order (a redelivered copy is the same event). */
    private static Map<String, String> distinctEventTypes(ConsumerTask<String, String> events, UUID user) {
        Map<String, String> types = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : events.getRecords()) {
            if (user.toString().equals(record.key())) {
                types.putIfAbsent(header(record, CloudEventHeaders.ID), header(record, CloudEventHeaders.TYPE));
            }
        }
        return types;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static int status(String path) {
        return given().get(path).then().extract().statusCode();
    }
}
