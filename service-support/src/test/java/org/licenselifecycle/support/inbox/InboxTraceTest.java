package org.licenselifecycle.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TraceParent;

/**
 * A record published with a W3C {@code traceparent} header (as the outbox relay publishes an event written during a
 * request) is applied in that trace: the Kafka connector's receive span continues it, and the Inbox's processing span,
 * under which the effect runs, is a child of that.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class InboxTraceTest {

    @Inject
    ProbeConsumer probe;

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aRecordPublishedWithATraceparentIsAppliedInThatTrace() {
        spans.reset();
        TraceParent producer = TraceParent.random();
        String traceId = producer.traceId();
        String producerSpan = producer.spanId();

        UUID eventId = TracedProbeRecord.appliedBy(probe, producer);

        assertThat(probe.traceId(eventId)).as("the trace the effect ran in").isEqualTo(traceId);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .filteredOn(span -> span.getName().equals(ProbeConsumer.CONSUMER + " process"))
                .anySatisfy(span -> {
                    assertThat(span.getTraceId()).isEqualTo(traceId);
                    assertThat(span.getParentSpanId()).as("the connector's receive span, not the producer's")
                            .isNotEqualTo(producerSpan);
                    assertThat(spans.getFinishedSpanItems()).anySatisfy(receive -> {
                        assertThat(receive.getSpanId()).isEqualTo(span.getParentSpanId());
                        assertThat(receive.getParentSpanId()).isEqualTo(producerSpan);
                    });
                }));
    }
}
