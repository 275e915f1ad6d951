package org.licenselifecycle.support.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the {@link Inbox} tells Prometheus about each consumer, tagged only by the consumer's name and the
 * delivery's outcome (both bounded): {@code inbox_processing_seconds} (a timer per outcome), {@code
 * inbox_failures_total} (deliveries whose effect failed or that cannot be read) and {@code
 * inbox_dead_letters_total} (records this consumer sends to its dead-letter topic, at once or when the
 * delayed-retry topics are used up). Alert on the dead letters: each one waits for an operator's replay. A record of a
 * type the consumer does not apply ({@link EventEffects}) is timed as skipped, in no time.
 */
@ApplicationScoped
public class ConsumerMetrics {

    static final String PROCESSING = "inbox.processing";
    static final String FAILURES = "inbox.failures";
    static final String DEAD_LETTERS = "inbox.dead.letters";

    private final MeterRegistry metrics;
    /** The timers by consumer and outcome, looked up once: every record is timed. */
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    ConsumerMetrics(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    /** One delivery of a record, its outcome and how long the Inbox took over it (nanoseconds). */
    void delivered(String consumer, Delivery delivery, long nanos, boolean deadLettered) {
        timer(consumer, delivery.outcome()).record(nanos, TimeUnit.NANOSECONDS);
        boolean failed = delivery.outcome() == Delivery.Outcome.DEAD_LETTER
                || delivery.reason().filter(EffectFailed.class::isInstance).isPresent();
        if (failed) {
            Counter.builder(FAILURES).description("Deliveries whose effect failed (after the tries in place) or that cannot be read")
                    .tag("consumer", consumer).register(metrics).increment();
        }
        if (deadLettered) {
            Counter.builder(DEAD_LETTERS).description("Records sent to the consumer's dead-letter topic")
                    .tag("consumer", consumer).register(metrics).increment();
        }
    }

    /** A record of a type the consumer does not apply, acknowledged from its header alone. */
    void passedOver(String consumer) {
        timer(consumer, Delivery.Outcome.SKIPPED).record(0, TimeUnit.NANOSECONDS);
    }

    private Timer timer(String consumer, Delivery.Outcome outcome) {
        return timers.computeIfAbsent(consumer + '\n' + outcome, key -> Timer.builder(PROCESSING)
                .description("Time the Inbox took to deliver a record, tries in place included")
                .tag("consumer", consumer).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(metrics));
    }
}
