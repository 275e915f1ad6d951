package org.licenselifecycle.lifecycle.mailbox;

import java.util.Collection;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.ServicePlan;

/**
 * The kind of Exchange Online plan a mailbox is licensed with. Only an Enterprise plan (Exchange Online
 * Plan 2, e.g. in Office 365 E3/E5) lets a deleted user's held mailbox become an inactive mailbox.
 */
public enum ExchangePlan {
    /** Exchange Online Plan 1 and the business plans (EXCHANGE_S_STANDARD and the like). */
    EXCHANGE_ONLINE_PLAN_1,
    /** Exchange Online Plan 2, the Enterprise plan (EXCHANGE_S_ENTERPRISE). */
    EXCHANGE_ONLINE_PLAN_2;

    /** Microsoft's service plan name of Exchange Online Plan 2. */
    static final String ENTERPRISE_SERVICE_PLAN = "EXCHANGE_S_ENTERPRISE";

    /**
     * The plan a license gives, as licensing's catalog says it in the event ({@code exchangeEnterprise}). An event
     * written before that field is judged by its plans' names, as this service did then ({@link #of(Collection)}).
     */
    public static ExchangePlan of(LicenseAssigned license) {
        if (license.exchangeEnterprise() == null) {
            return of(license.servicePlans());
        }
        return license.exchangeEnterprise() ? EXCHANGE_ONLINE_PLAN_2 : EXCHANGE_ONLINE_PLAN_1;
    }

    /**
     * The plan a license gives, judged by its enabled service plans' names: only for LicenseAssigned events written
     * before they carried {@code exchangeEnterprise} (licensing's catalog, {@code Workload.isExchangeEnterprise},
     * owns the rule). Remove once no such event can be replayed.
     */
    public static ExchangePlan of(Collection<ServicePlan> servicePlans) {
        boolean enterprise = servicePlans.stream()
                .anyMatch(plan -> ENTERPRISE_SERVICE_PLAN.equalsIgnoreCase(plan.servicePlanName()));
        return enterprise ? EXCHANGE_ONLINE_PLAN_2 : EXCHANGE_ONLINE_PLAN_1;
    }

    public boolean isEnterprise() {
        return this == EXCHANGE_ONLINE_PLAN_2;
    }

    /** The better of two plans: a second license never lowers what the user already has. */
    public ExchangePlan atLeast(ExchangePlan other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
