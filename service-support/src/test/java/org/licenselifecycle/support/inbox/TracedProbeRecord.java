package org.licenselifecycle.support.inbox;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.TestEvents;
import org.licenselifecycle.testsupport.TraceParent;

/**
 * A record for {@link ProbeConsumer} published with a producer's {@code traceparent}, as the outbox relay publishes an
 * event written during a request, for the tests of the trace its effect runs in.
 */
public final class TracedProbeRecord {

    private TracedProbeRecord() {
    }

    /** Publishes one in the producer's trace and waits until the probe applied it; returns its event id. */
    public static UUID appliedBy(ProbeConsumer probe, TraceParent producer) {
        UUID eventId = UUID.randomUUID();
        Map<String, String> headers = TestEvents.headers(eventId, EventType.USER_UPDATED.ceType(), "/inbox-probe");
        headers.put("traceparent", producer.header());
        Kafka.companion().produceStrings()
                .fromRecords(TestEvents.record(ProbeConsumer.TOPIC, UUID.randomUUID().toString(), "{}", headers))
                .awaitCompletion();
        await().atMost(Duration.ofSeconds(60)).until(() -> probe.applied().contains(eventId));
        return eventId;
    }
}
