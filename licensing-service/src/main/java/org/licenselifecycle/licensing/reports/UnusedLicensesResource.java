package org.licenselifecycle.licensing.reports;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.licensing.subscriptions.SubscriptionService;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/** The unused-licenses report (admin API): per product, licenses not assigned and their monthly cost. */
@Path("/api/v1/reports/unusedLicenses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class UnusedLicensesResource {

    private final SubscriptionService subscriptions;
    private final PricesConfig prices;
    private final Caller caller;

    UnusedLicensesResource(SubscriptionService subscriptions, PricesConfig prices, Caller caller) {
        this.subscriptions = subscriptions;
        this.prices = prices;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Operations.READ_LICENSE_REPORTS)
    @Operation(summary = "Unused licenses per product and what they cost per month (list prices, configurable)")
    public List<UnusedLicenses> report() {
        return subscriptions.subscribedProducts(caller.tenantId()).stream().map(p -> {
            BigDecimal price = prices.list().get(p.product().skuPartNumber());
            return new UnusedLicenses(p.product().skuId(), p.product().skuPartNumber(), p.product().productName(), p.total(),
                    p.assigned(), p.available(), price, prices.currency(),
                    price == null ? null : price.multiply(BigDecimal.valueOf(p.available())));
        }).toList();
    }
}
