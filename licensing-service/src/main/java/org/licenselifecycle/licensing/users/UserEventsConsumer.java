package org.licenselifecycle.licensing.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.support.inbox.Inbox;

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

    private final Inbox inbox;

    UserEventsConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("user-events")
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        inbox.receive(CONSUMER_NAME, record, (type, event) -> {
            switch (type) {
                case USER_CREATED -> DirectoryUser.record(event.data(UserCreated.class));
                default -> LOG.debugf("Skipping event %s of type %s: licensing does not act on it", event.id(), event.ceType());
            }
        });
    }
}
