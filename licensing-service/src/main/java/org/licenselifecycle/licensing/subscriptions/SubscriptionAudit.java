package org.licenselifecycle.licensing.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import org.licenselifecycle.contract.audit.Activity;
import org.licenselifecycle.events.DirectoryAuditRecorded.ModifiedProperty;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.support.audit.AuditLog;
import org.licenselifecycle.support.audit.AuditTargets;

/**
 * Subscriptions' entries in the tenant's audit log ({@link Activity#ADD_SUBSCRIPTION},
 * {@link Activity#UPDATE_SUBSCRIPTION}, {@link Activity#CANCEL_SUBSCRIPTION}), in the transaction of the change,
 * the subscription named by its id and product name. Who did it is the caller of the request; outside a request (a
 * scheduled state transition) the system, licensing-service:
 * <pre>{@code
 * subscriptionAudit.record(subscription, Activity.UPDATE_SUBSCRIPTION,
 *         AuditTargets.only(AuditTargets.changed("Status", before, subscription.status)));
 * }</pre>
 */
@ApplicationScoped
public class SubscriptionAudit {

    private final AuditLog auditLog;
    private final ProductCatalog catalog;

    SubscriptionAudit(AuditLog auditLog, ProductCatalog catalog) {
        this.auditLog = auditLog;
        this.catalog = catalog;
    }

    /** Records {@code activity} on {@code subscription}; an update that changed nothing ({@code changed} empty) is not recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Subscription subscription, Activity activity, List<ModifiedProperty> changed) {
        if (activity == Activity.UPDATE_SUBSCRIPTION && changed.isEmpty()) {
            return;
        }
        String name = catalog.find(subscription.skuId).map(product -> product.productName()).orElse(null);
        auditLog.record(subscription.tenantId, activity, AuditTargets.subscription(subscription.id, name, changed));
    }
}
