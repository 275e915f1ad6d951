package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.TestTenant.add;
import static org.licenselifecycle.testsupport.TestEvents.header;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.licensing.messaging.UserEventsConsumer;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;
import org.licenselifecycle.testsupport.TraceParent;

/**
 * One trace from the admin's request to the consumer: a Graph assignLicense's LicenseAssigned goes out on Kafka in the
 * request's trace (through the outbox row and the relay), and a UserDeleted published in a trace is processed in it,
 * the licenses it frees published in it too.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class LicenseTraceTest {

    private static final Duration PUBLISHED = Duration.ofSeconds(60);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aGraphAssignLicenseIsPublishedInTheTraceOfItsRequest() {
        spans.reset();
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 1);
        UUID user = tenant.newUser();
        ConsumerRecord<String, String> assigned;
        try (ConsumerTask<String, String> events = PublishedLicenseEvents.of(user)) {
            tenant.assignLicense(user, add(BUSINESS_PREMIUM)).then().statusCode(200);

            await().atMost(PUBLISHED).until(() -> !events.getRecords().isEmpty());
            assigned = events.getRecords().get(0);
        }

        assertThat(header(assigned, CloudEventHeaders.TYPE)).isEqualTo(EventType.LICENSE_ASSIGNED.ceType());
        String[] traceParent = header(assigned, "traceparent").split("-");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .filteredOn(span -> span.getTraceId().equals(traceParent[1]))
                .as("the record's trace: the Graph request, and the relay's send a child of it")
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(span.getName()).contains("assignLicense");
                })
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
                    assertThat(span.getSpanId()).isEqualTo(traceParent[2]);
                }));
    }

    @Test
    void aUserDeletedPublishedInATraceIsProcessedInItAndTheLicensesItFreesArePublishedInIt() {
        spans.reset();
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 1);
        UUID leaver = tenant.newUser();
        tenant.assign(leaver, BUSINESS_PREMIUM);
        TraceParent directory = TraceParent.random();
        String traceId = directory.traceId();
        Instant deletedAt = Instant.now();
        UserDeleted deleted = new UserDeleted(tenant.id, leaver, "leaver-" + leaver + "@contoso.example", null,
                tenant.adminOid, deletedAt, deletedAt.plus(Duration.ofDays(30)));
        Map<String, String> headers = TestEvents.headers(UUID.randomUUID(), EventType.USER_DELETED.ceType(), "/directory-service");
        headers.put("traceparent", directory.header());

        ConsumerRecord<String, String> removed;
        try (ConsumerTask<String, String> events = PublishedLicenseEvents.of(leaver)) {
            UserEvents.publishRaw(TestEvents.record(Topics.USER_EVENTS, leaver.toString(), EventJson.write(deleted), headers));

            await().atMost(PUBLISHED).until(() -> events.getRecords().stream()
                    .anyMatch(r -> EventType.LICENSE_REMOVED.ceType().equals(header(r, CloudEventHeaders.TYPE))));
            removed = events.getRecords().stream()
                    .filter(r -> EventType.LICENSE_REMOVED.ceType().equals(header(r, CloudEventHeaders.TYPE))).findFirst().orElseThrow();
        }

        assertThat(header(removed, "traceparent")).as("LicenseRemoved, in the deletion's trace").startsWith("00-" + traceId + "-");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .filteredOn(span -> span.getName().equals(UserEventsConsumer.CONSUMER_NAME + " process"))
                .anySatisfy(span -> assertThat(span.getTraceId()).isEqualTo(traceId)));
    }
}
