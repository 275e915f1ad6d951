package org.licenselifecycle.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.testsupport.TestEvents.header;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.Rig;

/**
 * An outbox row keeps the W3C trace context of the span that wrote it, and the relay publishes the event in that trace:
 * the Kafka record's {@code traceparent} names the connector's producer span, a child of the writing span.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class OutboxTraceContextTest {

    @Inject
    Outbox outbox;

    @Inject
    Tracer tracer;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void anEventKeepsTheTraceparentOfTheActiveSpan() throws SQLException {
        Span request = tracer.spanBuilder("the admin's request").startSpan();
        UUID eventId;
        try (Scope scope = request.makeCurrent()) {
            eventId = add(UUID.randomUUID());
        } finally {
            request.end();
        }

        SpanContext written = request.getSpanContext();
        assertThat(traceParent(eventId)).contains("00-" + written.getTraceId() + "-" + written.getSpanId() + "-01");
    }

    @Test
    void anEventWrittenOutsideAnyTraceHasNoTraceparent() throws SQLException {
        UUID eventId = add(UUID.randomUUID());

        assertThat(traceParent(eventId)).isEmpty();
    }

    @Test
    void theRelayPublishesTheEventInTheTraceThatWroteIt() {
        spans.reset();
        Span request = tracer.spanBuilder("the admin's request").startSpan();
        UUID eventId;
        try (Scope scope = request.makeCurrent()) {
            eventId = add(UUID.randomUUID());
        } finally {
            request.end();
        }
        String traceId = request.getSpanContext().getTraceId();

        ConsumerRecord<String, String> published = await().atMost(Duration.ofSeconds(60)).until(
                () -> Kafka.recordsOn(EventType.USER_PURGED.topic()).stream()
                        .filter(record -> eventId.toString().equals(header(record, CloudEventHeaders.ID))).findFirst(),
                Optional::isPresent).orElseThrow();

        String[] traceParent = header(published, "traceparent").split("-");
        assertThat(traceParent[1]).as("the record's trace").isEqualTo(traceId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .anySatisfy(span -> {
                    assertThat(span.getKind()).isEqualTo(SpanKind.PRODUCER);
                    assertThat(span.getSpanId()).as("the header names the producer span").isEqualTo(traceParent[2]);
                    assertThat(span.getTraceId()).isEqualTo(traceId);
                    assertThat(span.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());
                }));
    }

    private UUID add(UUID userId) {
        return QuarkusTransaction.requiringNew().call(() -> outbox.add(userId,
                new UserPurged(UUID.randomUUID(), userId, "traced@contoso.example", null, Instant.now())));
    }

    private Optional<String> traceParent(UUID eventId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT trace_parent FROM outbox_event WHERE id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("the outbox row of " + eventId).isTrue();
                return Optional.ofNullable(rs.getString(1));
            }
        }
    }
}
