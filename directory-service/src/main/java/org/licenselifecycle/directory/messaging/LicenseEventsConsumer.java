package org.licenselifecycle.directory.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.licenselifecycle.directory.groups.GroupLicenses;
import org.licenselifecycle.directory.licenses.UserLicenses;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.GroupLicensesChanged;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.support.inbox.EventEffects;
import org.licenselifecycle.support.inbox.Inbox;
import org.licenselifecycle.support.inbox.IncomingEvent;

/**
 * Follows {@code licensing.license-events} into the users' licenses and license assignment states
 * ({@link UserLicenses}), which Graph's {@code /users} shows and filters on, and into the products groups give
 * ({@link GroupLicenses}), which {@code /groups} shows. Through the {@link Inbox}: the effect and the event id commit together,
 * a failing effect goes through the delayed-retry topics, an unreadable event to the dead-letter topic.
 */
@ApplicationScoped
public class LicenseEventsConsumer {

    /** This consumer's name in processed_event. */
    static final String CONSUMER = "directory-service.license-events";

    private final Inbox inbox;
    private final EventEffects effects;

    LicenseEventsConsumer(Inbox inbox, UserLicenses licenses, GroupLicenses groupLicenses) {
        this.inbox = inbox;
        // a batch's license events of users are kept together, in a statement per table for all of them
        Consumer<List<IncomingEvent>> usersLicenses = events -> licenses.keepAll(events.stream()
                .map(event -> new UserLicenses.Timed(event.data(classOf(event)), event.time())).toList());
        this.effects = EventEffects
                .ofTogether(EventType.LICENSE_ASSIGNED, usersLicenses)
                .onTogether(EventType.LICENSE_REMOVED, usersLicenses)
                .onTogether(EventType.LICENSE_ASSIGNMENT_STATES_CHANGED, usersLicenses)
                .on(EventType.GROUP_LICENSES_CHANGED, event ->
                        groupLicenses.changed(event.data(GroupLicensesChanged.class), event.time()));
    }

    private static Class<? extends Record> classOf(IncomingEvent event) {
        return switch (event.type().orElseThrow()) {
            case LICENSE_ASSIGNED -> LicenseAssigned.class;
            case LICENSE_REMOVED -> LicenseRemoved.class;
            case LICENSE_ASSIGNMENT_STATES_CHANGED -> LicenseAssignmentStatesChanged.class;
            default -> throw new IllegalArgumentException("Not a user's license event: " + event.type().orElseThrow());
        };
    }

    /** What each event type does here, in the Inbox's transaction. */
    EventEffects effects() {
        return effects;
    }

    @Incoming("license-events")
    @Blocking // the Inbox may wait for room in the channel's queue
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.receive(CONSUMER, message, effects);
    }
}
