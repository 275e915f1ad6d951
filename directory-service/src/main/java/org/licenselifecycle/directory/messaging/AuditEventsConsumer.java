package org.licenselifecycle.directory.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.licenselifecycle.directory.audit.DirectoryAudits;
import org.licenselifecycle.events.DirectoryAuditRecorded;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.support.inbox.EventEffects;
import org.licenselifecycle.support.inbox.Inbox;

/**
 * Keeps the entries every service records on {@code audit.directory-audits} in the tenants' audit logs
 * ({@link DirectoryAudits}). Through the {@link Inbox}: the entry and the event id commit together, a failing
 * effect goes through the delayed-retry topics, an unreadable event to the dead-letter topic.
 */
@ApplicationScoped
public class AuditEventsConsumer {

    /** This consumer's name in processed_event. */
    static final String CONSUMER = "directory-service.audit-events";

    private final Inbox inbox;
    private final EventEffects effects;

    AuditEventsConsumer(Inbox inbox, DirectoryAudits audits) {
        this.inbox = inbox;
        // a batch's entries are kept together, the users they name read in one query for all of them
        this.effects = EventEffects.ofTogether(EventType.DIRECTORY_AUDIT_RECORDED, events -> audits.keepAll(events.stream()
                .map(event -> new DirectoryAudits.Kept(event.id(), event.data(DirectoryAuditRecorded.class))).toList()));
    }

    /** What each event type does here, in the Inbox's transaction. */
    EventEffects effects() {
        return effects;
    }

    @Incoming("audit-events")
    @Blocking // the Inbox may wait for room in the channel's queue
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.receive(CONSUMER, message, effects);
    }
}
