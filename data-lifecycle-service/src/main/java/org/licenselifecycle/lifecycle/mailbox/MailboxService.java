package org.licenselifecycle.lifecycle.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.MalformedEventException;
import org.licenselifecycle.lifecycle.users.UserIds;
import org.licenselifecycle.support.graph.GraphException;

/**
 * What Exchange Online does with a user's mailbox when licenses come and go, and how an admin reads it.
 * Every read is confined to the caller's tenant.
 */
@ApplicationScoped
public class MailboxService {

    private static final Logger LOG = Logger.getLogger(MailboxService.class);

    private final GracePeriodConfig gracePeriod;
    private final Clock clock;

    MailboxService(GracePeriodConfig gracePeriod, Clock clock) {
        this.gracePeriod = gracePeriod;
        this.clock = clock;
    }

    /** A license with an Exchange Online plan provisions the mailbox, or reconnects it inside the grace period. */
    @Transactional
    public void licenseAssigned(LicenseAssigned event) {
        if (!event.exchangeOnline()) {
            return;
        }
        ExchangePlan plan = ExchangePlan.of(event.servicePlans());
        Mailbox mailbox = Mailbox.findById(event.userId());
        if (mailbox == null) {
            Mailbox.provision(event.tenantId(), event.userId(), event.userPrincipalName(), plan,
                    event.assignedAt(), clock.instant()).persist();
            return;
        }
        requireSameTenant(mailbox, event.tenantId());
        mailbox.licensed(event.userPrincipalName(), plan, event.assignedAt(), clock.instant());
    }

    /**
     * Removing the user's last Exchange Online license disconnects the mailbox for the grace period. A
     * removal that leaves Exchange Online through another license changes nothing.
     */
    @Transactional
    public void licenseRemoved(LicenseRemoved event) {
        if (!event.exchangeOnline() || event.exchangeOnlineRetained()) {
            return;
        }
        Mailbox mailbox = Mailbox.findById(event.userId());
        if (mailbox == null) {
            LOG.warnf("License %s removed from user %s, who has no mailbox here; nothing to disconnect",
                    event.skuId(), event.userId());
            return;
        }
        requireSameTenant(mailbox, event.tenantId());
        mailbox.disconnect(event.removedBy(), event.removedAt(), gracePeriod.gracePeriod(), clock.instant());
    }

    /** The user's mailbox in the caller's tenant; 404 when there is none (or it is another tenant's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MailboxView find(UUID tenantId, String userId) {
        return Mailbox.ofUser(tenantId, UserIds.parse(userId))
                .map(MailboxView::of)
                .orElseThrow(() -> GraphException.notFound(userId));
    }

    private static void requireSameTenant(Mailbox mailbox, UUID tenantId) {
        if (!mailbox.tenantId.equals(tenantId)) {
            // user ids are unique across tenants: an event that says otherwise is not to be trusted
            throw new MalformedEventException("User " + mailbox.userId + " belongs to another tenant than "
                    + tenantId);
        }
    }
}
