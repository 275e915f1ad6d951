package org.licenselifecycle.directory.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
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
        this.effects = EventEffects
                .of(EventType.LICENSE_ASSIGNED, event -> licenses.assigned(event.data(LicenseAssigned.class), event.time()))
                .on(EventType.LICENSE_REMOVED, event -> licenses.removed(event.data(LicenseRemoved.class), event.time()))
                .on(EventType.LICENSE_ASSIGNMENT_STATES_CHANGED, event ->
                        licenses.statesChanged(event.data(LicenseAssignmentStatesChanged.class), event.time()))
                .on(EventType.GROUP_LICENSES_CHANGED, event ->
                        groupLicenses.changed(event.data(GroupLicensesChanged.class), event.time()));
    }

    @Incoming("license-events")
    @Blocking // the Inbox may wait for room in the channel's queue
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.receive(CONSUMER, message, effects);
    }
}
