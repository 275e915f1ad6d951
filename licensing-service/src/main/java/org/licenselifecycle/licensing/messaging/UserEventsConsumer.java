package org.licenselifecycle.licensing.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.GroupMembershipChanged;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserLicensesReleaseRequested;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.licensing.licenses.GroupLicensing;
import org.licenselifecycle.licensing.licenses.UserDeletionService;
import org.licenselifecycle.licensing.users.DirectoryUsers;
import org.licenselifecycle.support.inbox.Inbox;

/**
 * Keeps the users read model up to date from {@code directory.user-events} ({@link DirectoryUsers}, in
 * whatever order the events arrive), and frees or gives back a user's licenses when they are deleted or
 * restored, and applies group memberships (members inherit what their groups give, {@link GroupLicensing}). The effect and the event id commit together, so a redelivered event changes nothing; a message
 * that is not a readable event of ours goes to {@code directory.user-events.licensing-service.dlq} and the
 * partition moves on.
 */
@ApplicationScoped
public class UserEventsConsumer {

    /** The name this consumer records processed events under. */
    public static final String CONSUMER_NAME = "licensing-service/user-events";

    private static final Logger LOG = Logger.getLogger(UserEventsConsumer.class);

    private final Inbox inbox;
    private final DirectoryUsers users;
    private final UserDeletionService deletions;
    private final GroupLicensing groups;

    UserEventsConsumer(Inbox inbox, DirectoryUsers users, UserDeletionService deletions, GroupLicensing groups) {
        this.inbox = inbox;
        this.users = users;
        this.deletions = deletions;
        this.groups = groups;
    }

    @Incoming("user-events")
    @Blocking // the Inbox may wait for room in the channel's queue
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.receive(CONSUMER_NAME, message, (type, event) -> {
            switch (type) {
                case USER_CREATED -> users.created(event.data(UserCreated.class), event.time());
                case USER_UPDATED -> users.updated(event.data(UserUpdated.class), event.time());
                case USER_DELETED -> users.deleted(event.data(UserDeleted.class), event.time());
                case USER_RESTORED -> users.restored(event.data(UserRestored.class), event.time());
                case USER_PURGED -> users.purged(event.data(UserPurged.class), event.time());
                case USER_LICENSES_RELEASE_REQUESTED ->
                        deletions.licensesReleaseRequested(event.data(UserLicensesReleaseRequested.class));
                case GROUP_MEMBERSHIP_CHANGED -> groups.membershipChanged(event.data(GroupMembershipChanged.class));
                default -> LOG.debugf("Skipping event %s of type %s: licensing does not act on it", event.id(), event.ceType());
            }
        });
    }
}
