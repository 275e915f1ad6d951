package org.licenselifecycle.support.inbox;

import io.opentelemetry.api.trace.Span;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * A consumer of the test topic {@value #TOPIC} that takes its records as the services' consumers do (the
 * shared Inbox, the Kafka connector with the delayed-retry failure strategy; channel in the test resources'
 * META-INF/microprofile-config.properties), with an effect each test scripts per event: fail until fixed,
 * or be interrupted once.
 */
@ApplicationScoped
public class ProbeConsumer {

    public static final String TOPIC = "inbox.probe-events";
    static final String RETRY_TOPIC_FIRST = TOPIC + ".probe.retry_200";
    static final String DEAD_LETTER_TOPIC = TOPIC + ".probe.dlq";
    static final String GROUP = "inbox-probe";
    static final String CONSUMER = "service-support/inbox-probe";

    private enum Script { FAIL, INTERRUPT_ONCE }

    private final Map<UUID, Integer> failuresLeft = new ConcurrentHashMap<>();

    private final Inbox inbox;
    private final Map<UUID, Script> scripts = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final List<UUID> applied = new CopyOnWriteArrayList<>();
    private final List<Boolean> interruptedAfterReceive = new CopyOnWriteArrayList<>();
    private final Map<UUID, String> traceIds = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> recorded = new ConcurrentHashMap<>();

    ProbeConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("inbox-probe")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        CompletionStage<Void> outcome = inbox.receive(CONSUMER, message, (type, event) -> {
            tries.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            traceIds.put(event.id(), Span.current().getSpanContext().getTraceId());
            recorded.put(event.id(), Span.current().isRecording());
            Script script = scripts.get(event.id());
            if (failuresLeft.merge(event.id(), -1, Integer::sum) >= 0) {
                throw new IllegalStateException("probe: the effect of " + event.id() + " fails this time");
            }
            if (script == Script.FAIL) {
                throw new IllegalStateException("probe: the effect of " + event.id() + " fails until fixed");
            }
            if (script == Script.INTERRUPT_ONCE) {
                scripts.remove(event.id());
                Thread.currentThread().interrupt(); // as a worker thread is interrupted when the service stops
                throw new IllegalStateException("probe: interrupted while applying " + event.id());
            }
            applied.add(event.id());
        });
        // A stopping service's worker thread ends here; this one serves the next record, as a restarted service would
        interruptedAfterReceive.add(Thread.interrupted());
        return outcome;
    }

    void failUntilFixed(UUID eventId) {
        scripts.put(eventId, Script.FAIL);
    }

    /** The effect fails {@code times} times, then works. */
    void failTimes(UUID eventId, int times) {
        failuresLeft.put(eventId, times);
    }

    void fix(UUID eventId) {
        scripts.remove(eventId);
    }

    void interruptOnce(UUID eventId) {
        scripts.put(eventId, Script.INTERRUPT_ONCE);
    }

    int tries(UUID eventId) {
        AtomicInteger count = tries.get(eventId);
        return count == null ? 0 : count.get();
    }

    /** The trace the event's effect last ran in (OpenTelemetry's current span then). */
    public String traceId(UUID eventId) {
        return traceIds.get(eventId);
    }

    /** Whether the span the event's effect last ran in was recorded (sampled), or only carried the trace's ids. */
    public Boolean recorded(UUID eventId) {
        return recorded.get(eventId);
    }

    /** The events whose effect ran to its end, in the order they did (effects that then rolled back included). */
    public List<UUID> applied() {
        return List.copyOf(applied);
    }

    boolean anyThreadLeftInterrupted() {
        return interruptedAfterReceive.contains(true);
    }
}
