package org.licenselifecycle.licensing.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.MalformedEventException;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.support.inbox.IncomingEvent;
import org.licenselifecycle.support.inbox.ProcessedEvents;

/**
 * Keeps the users read model up to date from {@code directory.user-events}. The effect and the event id
 * commit together, so a redelivered event changes nothing; a message that is not a readable event of
 * ours goes to {@code directory.user-events.licensing-service.dlq} and the partition moves on.
 */
@ApplicationScoped
public class UserEventsConsumer {

    /** The name this consumer records processed events under. */
    public static final String CONSUMER_NAME = "licensing-service/user-events";

    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class);

    private final ProcessedEvents processedEvents;

    UserEventsConsumer(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    @Incoming("user-events")
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.type().isEmpty()) {
            // a type a newer directory-service publishes: not ours to understand yet
            LOG.debugf("Skipping event %s of unknown type %s", event.id(), event.ceType());
            return;
        }
        if (!processedEvents.firstDelivery(CONSUMER_NAME, event.id())) {
            LOG.debugf("Skipping redelivered event %s", event.id());
            return;
        }
        switch (event.type().get()) {
            case USER_CREATED -> DirectoryUser.record(valid(event.data(UserCreated.class)));
            default -> LOG.debugf("Skipping event %s of type %s: licensing does not act on it", event.id(), event.ceType());
        }
    }

    private static UserCreated valid(UserCreated created) {
        if (created.tenantId() == null || created.userId() == null || isBlank(created.userPrincipalName())
                || isBlank(created.displayName()) || created.createdAt() == null) {
            throw new MalformedEventException("UserCreated lacks tenantId, userId, userPrincipalName, displayName or createdAt");
        }
        return created;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
