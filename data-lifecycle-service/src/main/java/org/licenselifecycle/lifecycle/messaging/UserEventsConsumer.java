package org.licenselifecycle.lifecycle.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.lifecycle.timeline.Timeline;
import org.licenselifecycle.lifecycle.timeline.TimelineEvent;
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

    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class);

    private final Inbox inbox;
    private final DirectoryUsers users;
    private final Timeline timeline;

    UserEventsConsumer(Inbox inbox, DirectoryUsers users, Timeline timeline) {
        this.inbox = inbox;
        this.users = users;
        this.timeline = timeline;
    }

    @Incoming("user-events")
    @Blocking // the Inbox may wait for room in the channel's queue
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.receive(CONSUMER, message, (type, event) -> {
            switch (type) {
                case USER_DELETED -> users.deleted(event.data(UserDeleted.class), event.time());
                case USER_RESTORED -> users.restored(event.data(UserRestored.class), event.time());
                case USER_UPDATED -> users.updated(event.data(UserUpdated.class), event.time());
                case USER_PURGED -> purged(event.data(UserPurged.class));
                default -> LOG.debugf("Event %s (%s) is not for this consumer", event.id(), event.ceType());
            }
        });
    }

    private void purged(UserPurged event) {
        // the mailbox and OneDrive keep their own dates: an inactive mailbox outlives the user on purpose
        timeline.record(event.tenantId(), event.userId(), event.purgedAt(), TimelineEvent.USER_PURGED, event.purgedBy(),
                "User removed from deleted items for good; can no longer be restored. Mailbox and OneDrive keep their dates.");
    }
}
