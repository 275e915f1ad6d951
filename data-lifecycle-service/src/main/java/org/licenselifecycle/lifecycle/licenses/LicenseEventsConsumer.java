package org.licenselifecycle.lifecycle.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.MalformedEventException;
import org.licenselifecycle.lifecycle.mailbox.MailboxService;
import org.licenselifecycle.lifecycle.onedrive.OneDriveService;
import org.licenselifecycle.support.inbox.IncomingEvent;
import org.licenselifecycle.support.inbox.ProcessedEvents;

/**
 * Follows {@code licensing.license-events}: mailboxes and OneDrive react to licenses assigned and removed.
 * The effect and the event id commit in one transaction, so a redelivered event has no second effect; an
 * event that cannot be read throws, rolls back and goes to the dead-letter topic while the partition
 * moves on.
 */
@ApplicationScoped
public class LicenseEventsConsumer {

    /** This consumer's name in processed_event. */
    static final String CONSUMER = "data-lifecycle-service.license-events";

    private static final Logger LOG = Logger.getLogger(LicenseEventsConsumer.class);

    private final ProcessedEvents processedEvents;
    private final MailboxService mailboxes;
    private final OneDriveService oneDrives;

    LicenseEventsConsumer(ProcessedEvents processedEvents, MailboxService mailboxes, OneDriveService oneDrives) {
        this.processedEvents = processedEvents;
        this.mailboxes = mailboxes;
        this.oneDrives = oneDrives;
    }

    @Incoming("license-events")
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (event.type().isEmpty()) {
            LOG.debugf("Skipping event %s of unknown type %s", event.id(), event.ceType());
            return;
        }
        if (!processedEvents.firstDelivery(CONSUMER, event.id())) {
            LOG.debugf("Event %s already applied; skipping the redelivery", event.id());
            return;
        }
        switch (event.type().get()) {
            case LICENSE_ASSIGNED -> {
                LicenseAssigned assigned = complete(event.data(LicenseAssigned.class));
                mailboxes.licenseAssigned(assigned);
                oneDrives.licenseAssigned(assigned);
            }
            // OneDrive is left out on purpose: its files are not deleted unless the user is deleted
            case LICENSE_REMOVED -> mailboxes.licenseRemoved(complete(event.data(LicenseRemoved.class)));
            default -> LOG.debugf("Event %s (%s) is not for this consumer", event.id(), event.ceType());
        }
    }

    // The schema requires these; JSON null would otherwise pass the record mapping and fail deep inside.
    private static LicenseAssigned complete(LicenseAssigned e) {
        requirePresent(e, e.tenantId(), e.userId(), e.userPrincipalName(), e.skuId(), e.servicePlans(), e.assignedAt());
        requireUserPrincipalName(e, e.userPrincipalName());
        if (e.servicePlans().stream().anyMatch(plan -> plan == null || plan.servicePlanName() == null)) {
            throw new MalformedEventException("LicenseAssigned for user " + e.userId() + " has a service plan without a name");
        }
        return e;
    }

    private static LicenseRemoved complete(LicenseRemoved e) {
        requirePresent(e, e.tenantId(), e.userId(), e.userPrincipalName(), e.skuId(), e.removedServicePlans(),
                e.reason(), e.removedAt());
        requireUserPrincipalName(e, e.userPrincipalName());
        return e;
    }

    private static void requirePresent(Record data, Object... required) {
        if (Stream.of(required).anyMatch(Objects::isNull)) {
            throw new MalformedEventException(data.getClass().getSimpleName() + " lacks a required field: " + data);
        }
    }

    private static void requireUserPrincipalName(Record data, String userPrincipalName) {
        int at = userPrincipalName.indexOf('@');
        if (at <= 0 || at == userPrincipalName.length() - 1) {
            throw new MalformedEventException(data.getClass().getSimpleName() + " has no valid userPrincipalName: "
                    + userPrincipalName);
        }
    }
}
