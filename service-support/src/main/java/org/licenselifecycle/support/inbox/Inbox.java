package org.licenselifecycle.support.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.MalformedEventException;

/**
 * How every consumer takes an event: read it as a CloudEvent of ours (a malformed one throws, so the
 * connector sends it to the dead-letter topic), skip types this release does not know, skip a redelivery,
 * and apply the effect in the same transaction that records the event id. An effect that fails (a database
 * that is restarting, a lock timeout) is tried again in a new transaction, with a growing wait, before the
 * failure goes to the dead-letter topic: a valid event must not be parked there by a passing outage.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ProcessedEvents processedEvents;
    private final InboxConfig config;

    Inbox(ProcessedEvents processedEvents, InboxConfig config) {
        this.processedEvents = processedEvents;
        this.config = config;
    }

    /**
     * Call outside a transaction (each try has its own), from a blocking {@code @Incoming} method.
     *
     * @param consumer the name under which this consumer records the events it applied
     * @param effect what the event does; it commits at most once per event id
     */
    public void receive(String consumer, ConsumerRecord<String, String> record, BiConsumer<EventType, IncomingEvent> effect) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.type().isEmpty()) {
            LOG.debugf("%s skips event %s of a type this release does not know: %s", consumer, event.id(), event.ceType());
            return;
        }
        Duration wait = config.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> apply(consumer, event, effect));
                return;
            } catch (MalformedEventException e) {
                throw e; // the same bytes fail the same way every time
            } catch (RuntimeException e) {
                if (attempt >= config.attempts()) {
                    throw e;
                }
                LOG.warnf(e, "%s failed to apply event %s (try %d of %d); trying again in %s", consumer, event.id(),
                        attempt, config.attempts(), wait);
                pause(wait);
                wait = Collections.min(List.of(wait.multipliedBy(2), config.maxBackoff()));
            }
        }
    }

    private void apply(String consumer, IncomingEvent event, BiConsumer<EventType, IncomingEvent> effect) {
        if (!processedEvents.firstDelivery(consumer, event.id())) {
            LOG.debugf("%s skips event %s: already applied", consumer, event.id());
            return;
        }
        effect.accept(event.type().get(), event);
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting to try an event again", e);
        }
    }
}
