package org.licenselifecycle.lifecycle;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.events.ServicePlan;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserRestored;

/** Licenses as licensing-service announces them, with Microsoft's real SKU and service plan ids. */
public final class Licenses {

    public static final ServicePlan EXCHANGE_S_STANDARD = plan("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD");
    public static final ServicePlan EXCHANGE_S_ENTERPRISE = plan("efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE");
    public static final ServicePlan SHAREPOINTSTANDARD = plan("c7699d2e-19aa-44de-8edf-1736da088ca1", "SHAREPOINTSTANDARD");
    public static final ServicePlan SHAREPOINTENTERPRISE = plan("5dbe027f-2339-4123-9542-606e4d348a72", "SHAREPOINTENTERPRISE");
    public static final ServicePlan ONEDRIVESTANDARD = plan("13696edf-5a08-49f6-8134-03083ed8ba30", "ONEDRIVESTANDARD");
    public static final ServicePlan OFFICE_BUSINESS = plan("094e7854-93fc-4d55-b2c0-3ab5369ebdc1", "OFFICE_BUSINESS");
    public static final ServicePlan MCOSTANDARD = plan("0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "MCOSTANDARD");

    /** Microsoft 365 Business Premium (SPB): Exchange Online Plan 1, SharePoint, Teams. */
    public static final Sku BUSINESS_PREMIUM = new Sku("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46", "SPB", true, false, true,
            List.of(EXCHANGE_S_STANDARD, SHAREPOINTSTANDARD, MCOSTANDARD));
    /** Office 365 E3 (ENTERPRISEPACK): Exchange Online Plan 2, the Enterprise plan. */
    public static final Sku OFFICE_365_E3 = new Sku("6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK", true, true, true,
            List.of(EXCHANGE_S_ENTERPRISE, SHAREPOINTENTERPRISE, MCOSTANDARD));
    /** Exchange Online (Plan 1) alone: a mailbox, no OneDrive. */
    public static final Sku EXCHANGE_ONLINE_PLAN_1 = new Sku("4b9405b0-7788-4568-add1-99614e613b69", "EXCHANGESTANDARD", true, false, false,
            List.of(EXCHANGE_S_STANDARD));
    /** Microsoft 365 Apps for business (O365_BUSINESS): the Office apps and OneDrive, no Exchange. */
    public static final Sku APPS_FOR_BUSINESS = new Sku("cdd28e44-67e3-425e-be4c-737fab2899d3", "O365_BUSINESS", false, false, true,
            List.of(OFFICE_BUSINESS, ONEDRIVESTANDARD));

    private Licenses() {
    }

    /**
     * A product as the events name it, with what licensing's catalog says of it.
     *
     * @param exchangeEnterprise its mailbox is Exchange Online Plan 2 (LicenseAssigned's {@code exchangeEnterprise})
     * @param oneDrive it gives a OneDrive (LicenseAssigned's {@code oneDrive})
     */
    public record Sku(UUID skuId, String skuPartNumber, boolean exchangeOnline, boolean exchangeEnterprise,
            boolean oneDrive, List<ServicePlan> servicePlans) {
        Sku(String skuId, String skuPartNumber, boolean exchangeOnline, boolean exchangeEnterprise, boolean oneDrive,
                List<ServicePlan> servicePlans) {
            this(UUID.fromString(skuId), skuPartNumber, exchangeOnline, exchangeEnterprise, oneDrive, servicePlans);
        }
    }

    /** A user of a tenant, unique to the test that made it. */
    public record TestUser(UUID tenantId, UUID userId, String userPrincipalName) {
        public static TestUser create() {
            UUID userId = UUID.randomUUID();
            return new TestUser(UUID.randomUUID(), userId, "adele." + userId.toString().substring(0, 8) + "@contoso.onmicrosoft.com");
        }

        public TestUser inAnotherTenant() {
            return new TestUser(UUID.randomUUID(), userId, userPrincipalName);
        }

        public LicenseAssigned assigned(Sku sku, Instant at) {
            return new LicenseAssigned(tenantId, userId, userPrincipalName, sku.skuId(), sku.skuPartNumber(),
                    sku.servicePlans(), sku.exchangeOnline(), UUID.randomUUID(), at, List.of(), null,
                    sku.exchangeEnterprise(), sku.oneDrive());
        }

        /** The assignment as licensing wrote it before LicenseAssigned carried {@code exchangeEnterprise} and {@code oneDrive}. */
        public LicenseAssigned assignedInAnOlderEvent(Sku sku, Instant at) {
            return new LicenseAssigned(tenantId, userId, userPrincipalName, sku.skuId(), sku.skuPartNumber(),
                    sku.servicePlans(), sku.exchangeOnline(), UUID.randomUUID(), at, List.of(), null);
        }

        /**
         * The license kept, its Exchange Online plans turned off (added to {@code disabledPlans}), as licensing
         * announces it: the enabled plans without Exchange, and whether another license still gives Exchange.
         */
        public LicenseAssigned exchangeTurnedOff(Sku sku, boolean exchangeOnlineRetained, UUID by, Instant at) {
            List<ServicePlan> exchange = sku.servicePlans().stream()
                    .filter(plan -> plan.servicePlanName().startsWith("EXCHANGE_")).toList();
            List<ServicePlan> enabled = sku.servicePlans().stream().filter(plan -> !exchange.contains(plan)).toList();
            return new LicenseAssigned(tenantId, userId, userPrincipalName, sku.skuId(), sku.skuPartNumber(), enabled,
                    false, by, at, exchange.stream().map(ServicePlan::servicePlanId).toList(), null, false,
                    sku.oneDrive(), exchangeOnlineRetained);
        }

        /** The license's Exchange Online plans enabled again (taken out of {@code disabledPlans}). */
        public LicenseAssigned exchangeTurnedOn(Sku sku, UUID by, Instant at) {
            return new LicenseAssigned(tenantId, userId, userPrincipalName, sku.skuId(), sku.skuPartNumber(),
                    sku.servicePlans(), sku.exchangeOnline(), by, at, List.of(), null, sku.exchangeEnterprise(),
                    sku.oneDrive(), true);
        }

        public LicenseRemoved removed(Sku sku, UUID removedBy, Instant at) {
            return new LicenseRemoved(tenantId, userId, userPrincipalName, sku.skuId(), sku.skuPartNumber(),
                    sku.servicePlans(), sku.exchangeOnline(), false, RemovalReason.UNASSIGNED, removedBy, at);
        }

        /** The removal that licensing announces when the user is deleted (by the system, reason USER_DELETED). */
        public LicenseRemoved removedByDeletion(Sku sku, Instant at) {
            return new LicenseRemoved(tenantId, userId, userPrincipalName, sku.skuId(), sku.skuPartNumber(),
                    sku.servicePlans(), sku.exchangeOnline(), false, RemovalReason.USER_DELETED, null, at);
        }

        /** The removal licensing announces when the license's subscription is deleted at the end of its life. */
        public LicenseRemoved removedWithItsSubscription(Sku sku, UUID subscriptionId, Instant at) {
            return new LicenseRemoved(tenantId, userId, userPrincipalName, sku.skuId(), sku.skuPartNumber(),
                    sku.servicePlans(), sku.exchangeOnline(), false, RemovalReason.SUBSCRIPTION_DELETED, null, at,
                    subscriptionId);
        }

        public UserDeleted deleted(UUID managerId, UUID deletedBy, Instant at) {
            return new UserDeleted(tenantId, userId, userPrincipalName, managerId, deletedBy, at, at.plus(java.time.Duration.ofDays(30)));
        }

        public UserRestored restored(UUID restoredBy, Instant at) {
            return new UserRestored(tenantId, userId, userPrincipalName, restoredBy, at);
        }

        /** The removal of a license while another license still gives the user Exchange Online. */
        public LicenseRemoved removedKeepingExchange(Sku sku, UUID removedBy, Instant at) {
            return new LicenseRemoved(tenantId, userId, userPrincipalName, sku.skuId(), sku.skuPartNumber(),
                    sku.servicePlans(), sku.exchangeOnline(), true, RemovalReason.UNASSIGNED, removedBy, at);
        }
    }

    /** An instant with the microsecond precision PostgreSQL keeps, so that stored times compare exactly. */
    public static Instant at(String isoInstant) {
        return Instant.parse(isoInstant).truncatedTo(ChronoUnit.MICROS);
    }

    private static ServicePlan plan(String id, String name) {
        return new ServicePlan(UUID.fromString(id), name);
    }
}
