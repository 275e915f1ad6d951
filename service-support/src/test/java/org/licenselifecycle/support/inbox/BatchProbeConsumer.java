package org.licenselifecycle.support.inbox;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.licenselifecycle.events.CloudEventHeaders;

/**
 * A consumer of the test topic {@value #TOPIC} whose channel applies what waits together, as the services' channels
 * do (test resources' application.properties), with an effect each test scripts: fail until fixed, or hold the
 * channel's thread at one event until released, so that the records published meanwhile make one batch.
 */
@ApplicationScoped
public class BatchProbeConsumer {

    static final String TOPIC = "inbox.batch-probe-events";
    static final String DEAD_LETTER_TOPIC = TOPIC + ".probe.dlq";
    static final String GROUP = "inbox-batch-probe";
    static final String CONSUMER = "service-support/inbox-batch-probe";

    private final Inbox inbox;
    private final TransactionSynchronizationRegistry transactions;
    private final Set<UUID> failing = ConcurrentHashMap.newKeySet();
    private final Map<UUID, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final List<UUID> applied = new CopyOnWriteArrayList<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final Map<UUID, Object> firstTransaction = new ConcurrentHashMap<>();

    BatchProbeConsumer(Inbox inbox, TransactionSynchronizationRegistry transactions) {
        this.inbox = inbox;
        this.transactions = transactions;
    }

    @Incoming("inbox-batch-probe")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        CompletionStage<Void> outcome = inbox.receive(CONSUMER, message, (type, event) -> {
            firstTransaction.putIfAbsent(event.id(), transactions.getTransactionKey());
            CountDownLatch gate = gates.get(event.id());
            if (gate != null) {
                held.add(event.id());
                await(gate);
            }
            if (failing.contains(event.id())) {
                throw new IllegalStateException("probe: the effect of " + event.id() + " fails until fixed");
            }
            applied.add(event.id());
        });
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(kafka -> received.add(
                new String(kafka.getHeaders().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8)));
        return outcome;
    }

    /** Whether the Inbox has taken the event's record (from the topic, not a retry topic), applied or not. */
    boolean received(UUID eventId) {
        return received.contains(eventId.toString());
    }

    /** The effect of {@code eventId} waits until {@link #release}. */
    void holdAt(UUID eventId) {
        gates.put(eventId, new CountDownLatch(1));
    }

    boolean holding(UUID eventId) {
        return held.contains(eventId);
    }

    void release(UUID eventId) {
        gates.remove(eventId).countDown();
    }

    void failUntilFixed(UUID eventId) {
        failing.add(eventId);
    }

    /** The events whose effect ran to its end, in the order they did (effects that then rolled back included). */
    List<UUID> applied() {
        return List.copyOf(applied);
    }

    /** The transaction in which the event's effect first ran. */
    Object firstTransaction(UUID eventId) {
        return firstTransaction.get(eventId);
    }

    private static void await(CountDownLatch gate) {
        try {
            if (!gate.await(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("probe: never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("probe: interrupted while held", e);
        }
    }
}
