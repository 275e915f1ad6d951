package org.licenselifecycle.lifecycle.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.lifecycle.mailbox.MailboxService;
import org.licenselifecycle.lifecycle.onedrive.OneDriveService;
import org.licenselifecycle.support.inbox.EventEffects;
import org.licenselifecycle.support.inbox.Inbox;
import org.licenselifecycle.support.inbox.IncomingEvent;

/**
 * Follows {@code licensing.license-events}: mailboxes and OneDrive react to licenses assigned and removed.
 * The effect and the event id commit in one transaction, so a redelivered event has no second effect; an
 * event that cannot be read throws, rolls back and goes to the dead-letter topic while the partition
 * moves on. The other types of the topic (license assignment states, group licenses) are passed over unread.
 */
@ApplicationScoped
public class LicenseEventsConsumer {

    /** This consumer's name in processed_event. */
    static final String CONSUMER = "data-lifecycle-service.license-events";

    private final Inbox inbox;
    private final EventEffects effects;

    LicenseEventsConsumer(Inbox inbox, MailboxService mailboxes, OneDriveService oneDrives) {
        this.inbox = inbox;
        this.effects = EventEffects
                .of(EventType.LICENSE_ASSIGNED, event -> {
                    LicenseAssigned assigned = event.data(LicenseAssigned.class);
                    mailboxes.licenseAssigned(assigned);
                    oneDrives.licenseAssigned(assigned);
                })
                // OneDrive is left out on purpose: its files are not deleted unless the user is deleted;
                // a batch's removals are applied together, in a few statements for all their mailboxes
                .onTogether(EventType.LICENSE_REMOVED, events -> mailboxes.licensesRemoved(
                        events.stream().map(event -> event.data(LicenseRemoved.class)).toList()));
    }

    @Incoming("license-events")
    @Blocking // the Inbox may wait for room in the channel's queue
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.receive(CONSUMER, message, effects);
    }

    /** What each event type does here, in the Inbox's transaction. */
    EventEffects effects() {
        return effects;
    }

    /** What an event does here, in the Inbox's transaction. */
    void apply(EventType type, IncomingEvent event) {
        effects.accept(type, event);
    }
}
