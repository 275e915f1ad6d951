package org.licenselifecycle.support.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.support.inbox.ProbeConsumer;
import org.licenselifecycle.support.inbox.TracedProbeRecord;
import org.licenselifecycle.support.outbox.Outbox;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TraceParent;

/**
 * With no OTLP endpoint and no other exporter (the local runner: {@link NoCollector} alone), spans are sampled out
 * ({@link NoCollectorSampling}), yet the trace's ids still flow: a request's log context carries the caller's trace,
 * an outbox row and the Kafka record the relay publishes carry the writing span's trace, and an Inbox effect runs in
 * the trace of the record's {@code traceparent}. (The other tests of this module run beside the in-memory exporter,
 * which records every span; {@link TracingWithCollectorTest} the case with an endpoint.)
 */
@QuarkusTest
@TestProfile(TracingWithoutCollectorTest.NoCollectorAlone.class)
@WithTestResource(Rig.class)
class TracingWithoutCollectorTest {

    /** The application's exporters as on the local runner: the test's in-memory exporter left out. */
    public static class NoCollectorAlone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.arc.exclude-types", InMemorySpans.class.getName());
        }
    }

    @Inject
    ConfiguredTracing tracing;

    @Inject
    Outbox outbox;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProbeConsumer probe;

    @Test
    void withNoCollectorSpansAreNotRecorded() {
        assertThat(tracing.exporters()).singleElement().isInstanceOf(NoCollector.class);
        assertThat(tracing.spansGoNowhere()).isTrue();

        ConfiguredTracing.EndedSpan span = tracing.aRequestsSpan();

        assertThat(span.recording()).isFalse();
        assertThat(span.context().isValid()).as("ids are still made").isTrue();
        assertThat(span.context().isSampled()).isFalse();
    }

    @Test
    void aRequestsLogContextCarriesTheCallersTraceThoughItsSpanIsNotRecorded() {
        TraceParent caller = TraceParent.random();

        Response response = given().auth().oauth2(DevTokens.token(UUID.randomUUID(), DirectoryRole.LICENSE_ADMINISTRATOR))
                .header("traceparent", caller.header())
                .get("/test/log-context");

        response.then().statusCode(200);
        assertThat(response.jsonPath().getString("traceId")).isEqualTo(caller.traceId());
        assertThat(response.jsonPath().getString("spanId")).matches("[0-9a-f]{16}").isNotEqualTo(caller.spanId());
        assertThat(response.jsonPath().getString("recording")).isEqualTo("false");
    }

    @Test
    void anEventWrittenInATraceCarriesItsTraceparentOnTheRowAndTheRecord() throws Exception {
        Span request = tracing.start("the admin's request");
        UUID eventId;
        try (Scope scope = request.makeCurrent()) {
            UUID userId = UUID.randomUUID();
            eventId = QuarkusTransaction.requiringNew().call(() -> outbox.add(userId,
                    new UserPurged(UUID.randomUUID(), userId, "untraced@contoso.example", null, Instant.now())));
        } finally {
            request.end();
        }
        SpanContext written = request.getSpanContext();

        assertThat(traceParent(eventId)).isEqualTo("00-" + written.getTraceId() + "-" + written.getSpanId() + "-00");
        ConsumerRecord<String, String> published = await().atMost(Duration.ofSeconds(60)).until(
                () -> Kafka.recordsOn(EventType.USER_PURGED.topic()).stream()
                        .filter(record -> eventId.toString().equals(header(record, CloudEventHeaders.ID))).findFirst(),
                Optional::isPresent).orElseThrow();
        assertThat(header(published, "traceparent")).as("the record's trace").startsWith("00-" + written.getTraceId() + "-");
    }

    @Test
    void aRecordWithATraceparentIsAppliedInThatTraceUnrecorded() {
        TraceParent producer = TraceParent.random();

        UUID eventId = TracedProbeRecord.appliedBy(probe, producer);

        assertThat(probe.traceId(eventId)).as("the trace the effect ran in").isEqualTo(producer.traceId());
        assertThat(probe.recorded(eventId)).isFalse();
    }

    private String traceParent(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT trace_parent FROM outbox_event WHERE id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("the outbox row of " + eventId).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
