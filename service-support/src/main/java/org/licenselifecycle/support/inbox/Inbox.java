package org.licenselifecycle.support.inbox;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDelayedRetryTopic;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.MalformedEventException;

/**
 * How every consumer takes an event: read it as a CloudEvent of ours, skip types this release does not know,
 * skip a redelivery, and apply the effect in the same transaction that records the event id.
 * <ul>
 * <li>What a busy channel received meanwhile is applied together, in one transaction that records each event id with
 * its effect ({@code inbox.batch.*}); when that transaction fails, its records are applied one by one as below, so
 * that a failing event holds back no other.</li>
 * <li>An effect that fails is tried again in place a few times, tens of milliseconds apart
 * ({@code inbox.retry.*}), then handed to the channel's delayed-retry topics (connector
 * {@code failure-strategy=delayed-retry-topic}), which bring it back later without holding the partition,
 * and send it to the dead-letter topic only when their tries are used up.</li>
 * <li>A handed-over event joins its key's {@link RetryQueue}; a later event of the key follows it through the
 * retry topics instead of overtaking it, so each key's events still apply in order.</li>
 * <li>An event that cannot be read goes to the dead-letter topic at once: the same bytes fail the same way
 * every time.</li>
 * <li>An interrupt (the service stops) leaves the event unacknowledged: its offset is not committed, and it
 * is delivered again after the restart. A valid event never reaches the dead-letter topic that way.</li>
 * </ul>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final String DEAD_LETTER_TOPIC = "dead-letter topic";

    private final ProcessedEvents processedEvents;
    private final RetryQueue retryQueue;
    private final InboxConfig.Retry config;
    private final InboxConfig.Batch batch;
    private final Config channels;
    private final Tracer tracer;
    private final ConsumerMetrics metrics;
    private final Instance<EntityManager> entityManagers;
    private final Map<String, String> deadLetterTopics = new ConcurrentHashMap<>();
    private final Map<String, Integer> maxDelayedRetries = new ConcurrentHashMap<>();
    private final Map<String, ReceivedRecords<Received>> received = new ConcurrentHashMap<>();

    Inbox(ProcessedEvents processedEvents, RetryQueue retryQueue, InboxConfig config, Config channels, Tracer tracer,
            ConsumerMetrics metrics, Instance<EntityManager> entityManagers) {
        this.entityManagers = entityManagers;
        this.processedEvents = processedEvents;
        this.retryQueue = retryQueue;
        this.config = config.retry();
        this.batch = config.batch();
        this.channels = channels;
        this.tracer = tracer;
        this.metrics = metrics;
    }

    /**
     * Takes a record of a Kafka channel as {@link #receive(String, Message, BiConsumer)} does, except that a record of a
     * type the effects do not apply is acknowledged at once, from its {@code ce_type} header, neither read nor recorded
     * ({@link EventEffects}).
     */
    public CompletionStage<Void> receive(String consumer, Message<String> message, EventEffects effects) {
        if (effects.passesOver(kafka(message).getRecord())) {
            metrics.passedOver(consumer);
            return message.ack();
        }
        return receive(consumer, message, (BiConsumer<EventType, IncomingEvent>) effects);
    }

    /**
     * Takes a record of a Kafka channel, from a blocking {@code @Incoming} method that returns what this
     * returns. The record is acknowledged, retried or dead-lettered as its {@link Delivery} says: at once when the
     * channel applies each record on its own ({@code inbox.batch.channel."<channel>"=1}), else once the batch it
     * joins is applied ({@link #deliverTogether}), on the channel's own thread, while this returns at once so that
     * the connector hands over the next record.
     *
     * @param consumer the name under which this consumer records the events it applied
     * @param effect what the event does; it commits at most once per event id
     */
    public CompletionStage<Void> receive(String consumer, Message<String> message, BiConsumer<EventType, IncomingEvent> effect) {
        IncomingKafkaRecordMetadata<String, String> kafka = kafka(message);
        int maxBatch = batch.maxSize(kafka.getChannel());
        if (maxBatch > 1) {
            received.computeIfAbsent(kafka.getChannel(), channel -> new ReceivedRecords<>(channel, maxBatch, this::applyTogether))
                    .add(new Received(consumer, message, kafka, effect));
            // not acknowledged yet: applyTogether settles it; interrupted while waiting, it is delivered again
            return CompletableFuture.completedFuture(null);
        }
        long start = System.nanoTime();
        Delivery delivery = deliverInTrace(new Received(consumer, message, kafka, effect).taken());
        metrics.delivered(consumer, delivery, System.nanoTime() - start, deadLettered(delivery, kafka));
        return settle(consumer, message, kafka, delivery);
    }

    @SuppressWarnings("unchecked")
    private static IncomingKafkaRecordMetadata<String, String> kafka(Message<String> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("Not a Kafka record: " + message));
    }

    /** A record handed over by {@link #receive}, waiting for its batch. */
    private record Received(String consumer, Message<String> message, IncomingKafkaRecordMetadata<String, String> kafka,
            BiConsumer<EventType, IncomingEvent> effect) {

        Taken taken() {
            Context parent = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext).orElseGet(Context::current);
            return new Taken(consumer, kafka.getRecord(), parent, effect);
        }
    }

    /** A record to apply, with the trace it continues. */
    private record Taken(String consumer, ConsumerRecord<String, String> record, Context parent,
            BiConsumer<EventType, IncomingEvent> effect) {
    }

    /** Acknowledges, retries or dead-letters the record as its delivery says. */
    private CompletionStage<Void> settle(String consumer, Message<String> message,
            IncomingKafkaRecordMetadata<String, String> kafka, Delivery delivery) {
        return switch (delivery.outcome()) {
            case APPLIED, SKIPPED -> message.ack();
            case RETRY_LATER -> message.nack(delivery.reason().orElseThrow());
            case DEAD_LETTER -> message.nack(delivery.reason().orElseThrow(), Metadata.of(
                    OutgoingKafkaRecordMetadata.<String>builder().withTopic(deadLetterTopic(kafka.getChannel())).build()));
            case LEFT_FOR_REDELIVERY -> {
                LOG.warnf("%s was interrupted while taking the record at %s-%d:%d; it stays unacknowledged and comes "
                        + "again after the restart", consumer, kafka.getTopic(), kafka.getPartition(), kafka.getOffset());
                yield CompletableFuture.completedFuture(null);
            }
        };
    }

    /**
     * Applies a channel's received records together ({@link #deliverTogether}), then settles each in order, one
     * after the other, so that a key's records reach the retry topics in their order; the next batch waits for that.
     */
    private void applyTogether(List<Received> batch) {
        long start = System.nanoTime();
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate(); // as the connector's worker threads have one for each record
        List<Delivery> deliveries;
        try {
            deliveries = deliverTogether(batch.stream().map(Received::taken).toList());
        } finally {
            requestContext.terminate();
        }
        long share = (System.nanoTime() - start) / batch.size();
        CompletableFuture<Void> settled = CompletableFuture.completedFuture(null);
        for (int i = 0; i < batch.size(); i++) {
            Received received = batch.get(i);
            Delivery delivery = deliveries.get(i);
            metrics.delivered(received.consumer(), delivery, share, deadLettered(delivery, received.kafka()));
            settled = settled.thenCompose(done -> settle(received.consumer(), received.message(), received.kafka(), delivery)
                    .exceptionally(failure -> {
                        LOG.warnf(failure, "%s could not settle the record at %s-%d:%d", received.consumer(),
                                received.kafka().getTopic(), received.kafka().getPartition(), received.kafka().getOffset());
                        return null;
                    }));
        }
        try {
            settled.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.warn("Settling received records failed", e.getCause());
        }
    }

    /**
     * Applies records in one transaction, each event's effect with its event id, in the order given; when that
     * transaction fails, applies them one by one instead ({@link #deliver}: tries in place, then the retry topics),
     * so that a failing event holds back no other. Records that cannot be read, and types this release does not
     * know, are settled without a transaction, as one by one. Call outside a transaction.
     *
     * @return each record's delivery, in the order given
     */
    public List<Delivery> deliverTogether(String consumer, List<ConsumerRecord<String, String>> records,
            BiConsumer<EventType, IncomingEvent> effect) {
        return deliverTogether(records.stream().map(record -> new Taken(consumer, record, Context.current(), effect)).toList());
    }

    private List<Delivery> deliverTogether(List<Taken> batch) {
        Delivery[] deliveries = new Delivery[batch.size()];
        List<Integer> valid = new ArrayList<>(batch.size());
        List<IncomingEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            try {
                IncomingEvent event = IncomingEvent.from(batch.get(i).record());
                if (event.type().isPresent()) {
                    valid.add(i);
                    events.add(event);
                } else {
                    deliveries[i] = Delivery.skipped();
                }
            } catch (MalformedEventException e) {
                deliveries[i] = Delivery.deadLetter(e);
            }
        }
        if (valid.size() > 1) {
            List<Span> spans = new ArrayList<>(valid.size());
            try {
                List<Taken> valids = valid.stream().map(batch::get).toList();
                List<Delivery> together = QuarkusTransaction.requiringNew().call(() -> applyInOneTransaction(valids, events, spans));
                for (int j = 0; j < valid.size(); j++) {
                    deliveries[valid.get(j)] = together.get(j);
                    spans.get(j).setAttribute("license-lifecycle.delivery", together.get(j).outcome().name());
                    together.get(j).reason().ifPresent(spans.get(j)::recordException);
                }
                return List.of(deliveries);
            } catch (RuntimeException e) {
                if (interrupted(e)) {
                    valid.forEach(i -> deliveries[i] = Delivery.leftForRedelivery());
                    return List.of(deliveries);
                }
                LOG.debugf(e, "%d events applied together failed; applying them one by one", valid.size());
                spans.forEach(span -> span.setAttribute("license-lifecycle.delivery", "ROLLED_BACK_WITH_ITS_BATCH"));
            } finally {
                spans.forEach(Span::end);
            }
        }
        for (int i : valid) {
            deliveries[i] = Thread.currentThread().isInterrupted() ? Delivery.leftForRedelivery() : deliverInTrace(batch.get(i));
        }
        return List.of(deliveries);
    }

    /**
     * Delivers the record in a span of its own, a child of the connector's receive span, which continues the trace
     * of the record's {@code traceparent} header (the request that wrote the event): the effect's transaction, and
     * what it logs or writes to the outbox, belong to that request's trace.
     */
    private Delivery deliverInTrace(Taken taken) {
        Span span = span(taken);
        try (Scope scope = span.makeCurrent()) {
            Delivery delivery = deliver(taken.consumer(), taken.record(), taken.effect());
            span.setAttribute("license-lifecycle.delivery", delivery.outcome().name());
            delivery.reason().ifPresent(span::recordException);
            return delivery;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    /** The record's processing span, a child of the connector's receive span (see {@link #deliverInTrace}). */
    private Span span(Taken taken) {
        return tracer.spanBuilder(taken.consumer() + " process").setParent(taken.parent()).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("messaging.destination.name", taken.record().topic())
                .setAttribute("messaging.kafka.offset", taken.record().offset())
                .startSpan();
    }

    /** Stops the channels' threads; what they had not applied is delivered again after the restart. */
    @PreDestroy
    void stop() {
        received.values().forEach(ReceivedRecords::stop);
    }

    /**
     * Applies the record's event, trying in place as configured. Call outside a transaction (each try has its own).
     *
     * @param consumer the name under which this consumer records the events it applied
     * @param effect what the event does; it commits at most once per event id
     */
    public Delivery deliver(String consumer, ConsumerRecord<String, String> record, BiConsumer<EventType, IncomingEvent> effect) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (MalformedEventException e) {
            return Delivery.deadLetter(e);
        }
        if (event.type().isEmpty()) {
            LOG.debugf("%s skips event %s of a type this release does not know: %s", consumer, event.id(), event.ceType());
            return Delivery.skipped();
        }
        List<Duration> waits = config.waits();
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> applyInOrder(consumer, event, effect));
            } catch (MalformedEventException e) {
                // its data cannot be read: it must not hold its key's queue, or its key's later events, forever
                return record(() -> retryQueue.leave(consumer, event.id())) ? Delivery.deadLetter(e) : Delivery.leftForRedelivery();
            } catch (RuntimeException e) {
                if (interrupted(e)) {
                    return Delivery.leftForRedelivery();
                }
                if (attempt > waits.size()) {
                    LOG.warnf(e, "%s failed to apply event %s %d times; it goes to the delayed-retry topics", consumer,
                            event.id(), attempt);
                    return handOver(consumer, event, e);
                }
                LOG.debugf(e, "%s failed to apply event %s (try %d of %d)", consumer, event.id(), attempt, config.attempts());
                if (!pause(waits.get(attempt - 1))) {
                    return Delivery.leftForRedelivery();
                }
            }
        }
    }

    /**
     * Applies the events in the current transaction, in order: in two statements where their keys have no retry queue
     * (the usual case), one recording which are first deliveries, one finding the keys with a queue; one by one
     * ({@link #applyInOrder}) where they have. The outcome is the same as applying each in turn.
     */
    private List<Delivery> applyInOneTransaction(List<Taken> batch, List<IncomingEvent> events, List<Span> spans) {
        String consumer = batch.get(0).consumer();
        boolean oneConsumer = batch.stream().allMatch(taken -> taken.consumer().equals(consumer));
        Set<String> queued = oneConsumer
                ? retryQueue.keysWaiting(consumer, events.stream().map(IncomingEvent::key).filter(Objects::nonNull).toList())
                : Set.of();
        Set<UUID> first = oneConsumer ? processedEvents.firstDeliveries(consumer, events.stream()
                .filter(event -> !waits(queued, event)).map(IncomingEvent::id).toList()) : Set.of();
        Set<UUID> seen = new HashSet<>();
        List<Delivery> deliveries = new ArrayList<>(batch.size());
        Together together = new Together();
        for (int j = 0; j < batch.size(); j++) {
            Taken taken = batch.get(j);
            IncomingEvent event = events.get(j);
            Span span = span(taken);
            spans.add(span);
            try (Scope scope = span.makeCurrent()) {
                if (!oneConsumer || waits(queued, event)) {
                    together.apply();
                    deliveries.add(applyInOrder(taken.consumer(), event, taken.effect()));
                    forgetEntities();
                } else if (first.contains(event.id()) && seen.add(event.id())) {
                    EventType type = event.type().orElseThrow();
                    Optional<Consumer<List<IncomingEvent>>> severalAtOnce = taken.effect() instanceof EventEffects effects
                            ? effects.togetherEffect(type) : Optional.empty();
                    if (severalAtOnce.isPresent()) {
                        together.add(severalAtOnce.get(), event);
                    } else {
                        together.apply();
                        taken.effect().accept(type, event);
                        forgetEntities();
                    }
                    deliveries.add(Delivery.applied());
                } else {
                    LOG.debugf("%s skips event %s: already applied", consumer, event.id());
                    deliveries.add(Delivery.skipped());
                }
            }
        }
        together.apply();
        return deliveries;
    }

    /**
     * A run of consecutive first deliveries of a batch whose types' effect takes several events at once
     * ({@link EventEffects#onTogether}), applied in one call when an event with another effect comes, or at the
     * batch's end: so each event still takes effect after those before it in the batch and before those after it.
     */
    private final class Together {

        private final List<IncomingEvent> events = new ArrayList<>();
        private Consumer<List<IncomingEvent>> effect;

        void add(Consumer<List<IncomingEvent>> effect, IncomingEvent event) {
            if (effect != this.effect) {
                apply();
                this.effect = effect;
            }
            events.add(event);
        }

        void apply() {
            if (events.isEmpty()) {
                return;
            }
            List<IncomingEvent> run = List.copyOf(events);
            events.clear();
            effect.accept(run);
            forgetEntities();
        }
    }

    /**
     * Ends an event's effect within a batch: its entity changes go to the database now (as the next event's first query
     * would flush them anyway), and the persistence context forgets its entities. Hibernate's flush before each query
     * looks at every entity the context holds, so without this an event's queries cost more the later it comes in its
     * batch; with it, each event costs what the first does. An effect of the batch that fails here rolls the batch back
     * as one failing at commit would.
     */
    private void forgetEntities() {
        if (entityManagers.isResolvable()) {
            EntityManager entityManager = entityManagers.get();
            entityManager.flush();
            entityManager.clear();
        }
    }

    private static boolean waits(Set<String> queuedKeys, IncomingEvent event) {
        return event.key() != null && queuedKeys.contains(event.key());
    }

    private Delivery applyInOrder(String consumer, IncomingEvent event, BiConsumer<EventType, IncomingEvent> effect) {
        Optional<UUID> first = event.key() == null ? Optional.empty() : retryQueue.first(consumer, event.key());
        if (first.isPresent() && !first.get().equals(event.id())) {
            if (processedEvents.applied(consumer, event.id())) {
                return Delivery.skipped();
            }
            retryQueue.join(consumer, event.key(), event.id());
            LOG.debugf("%s: event %s waits behind event %s of key %s", consumer, event.id(), first.get(), event.key());
            return Delivery.retryLater(new WaitsBehindEarlierEvent(event.id(), first.get(), event.key()));
        }
        if (first.isPresent()) {
            retryQueue.leave(consumer, event.id());
        }
        if (!processedEvents.firstDelivery(consumer, event.id())) {
            LOG.debugf("%s skips event %s: already applied", consumer, event.id());
            return Delivery.skipped();
        }
        effect.accept(event.type().get(), event);
        return Delivery.applied();
    }

    /** Queues the event behind its key's earlier ones, then lets the connector retry it later. */
    private Delivery handOver(String consumer, IncomingEvent event, RuntimeException failure) {
        EffectFailed reason = new EffectFailed(consumer, event.id(), failure);
        if (event.key() == null) {
            return Delivery.retryLater(reason); // no key, no order to keep
        }
        return record(() -> retryQueue.join(consumer, event.key(), event.id()))
                ? Delivery.retryLater(reason) : Delivery.leftForRedelivery();
    }

    /**
     * Commits a retry queue change, trying until the database takes it. Handing an event over unrecorded
     * would let a later event of its key overtake it; and a database that cannot take this one write
     * cannot apply any event either, so holding the partition meanwhile costs nothing.
     *
     * @return false when interrupted first
     */
    private boolean record(Runnable change) {
        Duration wait = config.backoff();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(change);
                return true;
            } catch (RuntimeException e) {
                if (interrupted(e)) {
                    return false;
                }
                LOG.warnf(e, "Cannot record a retry queue change; trying again in %s", wait);
                if (!pause(wait)) {
                    return false;
                }
                wait = Collections.min(List.of(wait.multipliedBy(2), config.maxQueueBackoff()));
            }
        }
    }

    /**
     * Whether the connector sends this delivery to the dead-letter topic: at once when it cannot be read, or when
     * handed to the delayed-retry topics with their tries used up (the connector's {@code delayed-retry-count}
     * header has reached the channel's {@code delayed-retry-topic.max-retries}, as its {@code KafkaDelayedRetryTopic}
     * decides).
     */
    private boolean deadLettered(Delivery delivery, IncomingKafkaRecordMetadata<String, String> kafka) {
        return switch (delivery.outcome()) {
            case DEAD_LETTER -> true;
            case RETRY_LATER -> {
                String channel = "mp.messaging.incoming." + kafka.getChannel() + ".";
                String strategy = channels.getOptionalValue(channel + "failure-strategy", String.class).orElse("fail");
                List<String> retryTopics = channels.getOptionalValues(channel + "delayed-retry-topic.topics", String.class)
                        .orElse(List.of());
                if (!strategy.equals("delayed-retry-topic") || retryTopics.isEmpty()) {
                    yield strategy.equals("dead-letter-queue");
                }
                int maxRetries = maxDelayedRetries.computeIfAbsent(kafka.getChannel(), c -> channels
                        .getOptionalValue(channel + "delayed-retry-topic.max-retries", Integer.class).orElse(0));
                yield DEAD_LETTER_TOPIC.equals(KafkaDelayedRetryTopic.getNextTopic(retryTopics,
                        DEAD_LETTER_TOPIC, maxRetries, KafkaDelayedRetryTopic.getRetryHeader(kafka.getHeaders())));
            }
            default -> false;
        };
    }

    /** The channel's dead-letter topic, where an unreadable record goes at once. */
    private String deadLetterTopic(String channel) {
        return deadLetterTopics.computeIfAbsent(channel, c -> channels
                .getOptionalValue("mp.messaging.incoming." + c + ".dead-letter-queue.topic", String.class)
                .orElseThrow(() -> new IllegalStateException("Channel " + c + " names no dead-letter-queue.topic")));
    }

    /** Whether the failure came from an interrupt (the service stopping); the thread stays interrupted. */
    private static boolean interrupted(Throwable failure) {
        boolean interrupted = Thread.currentThread().isInterrupted();
        for (Throwable cause = failure; cause != null && !interrupted; cause = cause.getCause()) {
            interrupted = cause instanceof InterruptedException || cause instanceof InterruptedIOException;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return interrupted;
    }

    /** @return false when interrupted (the thread stays interrupted) */
    private static boolean pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
