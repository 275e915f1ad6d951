package org.licenselifecycle.lifecycle.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.lifecycle.timeline.Timeline;
import org.licenselifecycle.lifecycle.timeline.TimelineEvent;
import org.licenselifecycle.support.inbox.EventEffects;
import org.licenselifecycle.support.inbox.Inbox;

/**
 * Follows {@code directory.user-events}: a deleted user's mailbox becomes inactive or soft-deleted and their
 * OneDrive is kept for the tenant's retention; a restored user gets both back ({@link DirectoryUsers}, in
 * whatever order the events arrive). Idempotent through the shared Inbox; an unreadable event goes to the
 * dead-letter topic.
 */
@ApplicationScoped
public class UserEventsConsumer {

    /** This consumer's name in processed_event. */
    static final String CONSUMER = "data-lifecycle-service.user-events";

    private final Inbox inbox;
    private final Timeline timeline;
    private final EventEffects effects;

    UserEventsConsumer(Inbox inbox, DirectoryUsers users, Timeline timeline) {
        this.inbox = inbox;
        this.timeline = timeline;
        this.effects = EventEffects
                .of(EventType.USER_DELETED, event -> users.deleted(event.data(UserDeleted.class), event.time()))
                .on(EventType.USER_RESTORED, event -> users.restored(event.data(UserRestored.class), event.time()))
                .on(EventType.USER_UPDATED, event -> users.updated(event.data(UserUpdated.class), event.time()))
                .on(EventType.USER_PURGED, event -> purged(event.data(UserPurged.class)));
    }

    @Incoming("user-events")
    @Blocking // the Inbox may wait for room in the channel's queue
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.receive(CONSUMER, message, effects);
    }

    private void purged(UserPurged event) {
        // the mailbox and OneDrive keep their own dates: an inactive mailbox outlives the user on purpose
        timeline.record(event.tenantId(), event.userId(), event.purgedAt(), TimelineEvent.USER_PURGED, event.purgedBy(),
                "User removed from deleted items for good; can no longer be restored. Mailbox and OneDrive keep their dates.");
    }
}
