package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.contract.audit.Activity;
import org.licenselifecycle.events.DirectoryAuditRecorded.ModifiedProperty;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.support.audit.AuditLog;
import org.licenselifecycle.support.audit.AuditTargets;

/**
 * "Change user license" in the tenant's audit log: one entry per user and change (a Licenses-page unassign of 20
 * users: 20 entries), naming the user's licenses before and after as Entra writes them ({@code AssignedLicense}:
 * {@code [SkuName=SPB, SkuId=..., DisabledPlans=[...]]} per license), in the transaction of the change. Who did it
 * is the caller of the request; the system (licensing-service) for what an event brought (a user deleted,
 * restored, purged). No interceptor of its own: {@link AuditLog#record} already refuses to run outside a transaction,
 * and every unassign calls here.
 */
@ApplicationScoped
class LicenseAudit {

    private final AuditLog auditLog;
    private final ProductCatalog catalog;

    LicenseAudit(AuditLog auditLog, ProductCatalog catalog) {
        this.auditLog = auditLog;
        this.catalog = catalog;
    }

    /** Records the change of one user's licenses; nothing when they are the same before and after. */
    void changed(UUID tenantId, UUID userId, String displayName, String userPrincipalName,
            Collection<HeldLicense> before, Collection<HeldLicense> after) {
        ModifiedProperty assigned = AuditTargets.changed("AssignedLicense", describe(before), describe(after));
        if (assigned == null) {
            return;
        }
        auditLog.record(tenantId, Activity.CHANGE_USER_LICENSE,
                AuditTargets.user(userId, displayName, userPrincipalName, List.of(assigned)));
    }

    /** The same, for a user locked as a {@link Holder}. */
    void changed(Holder user, Collection<HeldLicense> before, Collection<HeldLicense> after) {
        changed(user.tenantId(), user.userId(), user.displayName(), user.userPrincipalName(), before, after);
    }

    /** Records that {@code user}, as locked, was given {@code license} besides what they hold. */
    void given(Holder user, HeldLicense license) {
        List<HeldLicense> before = held(user.licenses());
        List<HeldLicense> after = new ArrayList<>(before);
        after.add(license);
        changed(user, before, after);
    }

    /** Records that {@code user}, as locked, lost the product {@code skuId} and kept the rest. */
    void lost(Holder user, UUID skuId) {
        changed(user, held(user.licenses()),
                held(user.licenses().stream().filter(row -> !row.skuId().equals(skuId)).toList()));
    }

    /** The licenses {@code rows} hold. */
    List<HeldLicense> held(Collection<LicenseRow> rows) {
        return rows.stream().map(row -> new HeldLicense(catalog.find(row.skuId()).orElseThrow(), row.disabledPlans()))
                .toList();
    }

    private static List<String> describe(Collection<HeldLicense> licenses) {
        return licenses.stream()
                .sorted(Comparator.comparing((HeldLicense license) -> license.product().skuId()))
                .map(license -> "[SkuName=" + license.product().skuPartNumber() + ", SkuId=" + license.product().skuId()
                        + ", DisabledPlans=" + license.disabledPlans().stream().sorted().toList() + "]")
                .toList();
    }
}
