package org.licenselifecycle.licensing.licenses;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.licensing.subscriptions.SubscriptionService;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Roles;

/**
 * The admin center's Licenses page (admin API): the products the tenant owns, each with the total of all
 * its subscriptions (one of 5 and one of 8 licenses show as 13), how many are assigned and available.
 */
@Path("/api/v1/licenses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Licenses page")
public class LicensesPageResource {

    private final SubscriptionService subscriptions;
    private final Caller caller;

    LicensesPageResource(SubscriptionService subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.GLOBAL_ADMINISTRATOR, Roles.LICENSE_ADMINISTRATOR, Roles.USER_ADMINISTRATOR, Roles.GLOBAL_READER})
    @Operation(summary = "List the products the tenant owns with total, assigned and available licenses")
    public List<ProductLicenses> products() {
        return subscriptions.subscribedProducts(caller.tenantId()).stream()
                .map(p -> new ProductLicenses(p.product().skuId(), p.product().skuPartNumber(), p.product().productName(),
                        p.total(), p.assigned(), p.available()))
                .toList();
    }
}
