package org.licenselifecycle.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.EventType;

/**
 * How every consumer takes an event: read it as a CloudEvent of ours (a malformed one throws, so the
 * connector sends it to the dead-letter topic), skip types this release does not know, skip a redelivery,
 * and apply the effect in the same transaction that records the event id.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ProcessedEvents processedEvents;

    Inbox(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    /**
     * @param consumer the name under which this consumer records the events it applied
     * @param effect what the event does; it runs at most once per event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void receive(String consumer, ConsumerRecord<String, String> record, BiConsumer<EventType, IncomingEvent> effect) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.type().isEmpty()) {
            LOG.debugf("%s skips event %s of a type this release does not know: %s", consumer, event.id(), event.ceType());
            return;
        }
        if (!processedEvents.firstDelivery(consumer, event.id())) {
            LOG.debugf("%s skips event %s: already applied", consumer, event.id());
            return;
        }
        effect.accept(event.type().get(), event);
    }
}
