package org.licenselifecycle.directory.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.licenselifecycle.directory.licenses.UserLicenses;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.support.inbox.Inbox;

/**
 * Follows {@code licensing.license-events} into the users' licenses ({@link UserLicenses}), which Graph's
 * {@code /users} shows and filters on. Through the {@link Inbox}: the effect and the event id commit together,
 * a failing effect goes through the delayed-retry topics, an unreadable event to the dead-letter topic.
 */
@ApplicationScoped
public class LicenseEventsConsumer {

    /** This consumer's name in processed_event. */
    static final String CONSUMER = "directory-service.license-events";

    private static final Logger LOG = Logger.getLogger(LicenseEventsConsumer.class);

    private final Inbox inbox;
    private final UserLicenses licenses;

    LicenseEventsConsumer(Inbox inbox, UserLicenses licenses) {
        this.inbox = inbox;
        this.licenses = licenses;
    }

    @Incoming("license-events")
    @Blocking // the Inbox runs each try in a transaction of its own
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.receive(CONSUMER, message, (type, event) -> {
            switch (type) {
                case LICENSE_ASSIGNED -> licenses.assigned(event.data(LicenseAssigned.class), event.time());
                case LICENSE_REMOVED -> licenses.removed(event.data(LicenseRemoved.class), event.time());
                default -> LOG.debugf("Event %s (%s) is not for this consumer", event.id(), event.ceType());
            }
        });
    }
}
