package org.licenselifecycle.console.reports;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.services.LicensingClient;
import org.licenselifecycle.console.services.LicensingClient.UnusedLicenses;
import org.licenselifecycle.console.signin.SignedInAdmin;
import org.licenselifecycle.console.users.ActiveUsersSearch;

/**
 * Reports > Unused licenses: licensing's report ({@code GET /api/v1/reports/unusedLicenses}: per product, licenses
 * paid for and not assigned, and their monthly cost when priced), and beside each product the users blocked from
 * signing in who still hold it (directory's users query), licenses nobody can use. "Reclaim licenses" takes the chosen
 * users to the Licenses page's "Unassign licenses" box, which says what happens to their data, and unassigns them
 * in one all-or-nothing call.
 */
@Path("/reports/unused-licenses")
@Produces(MediaType.TEXT_HTML)
public class UnusedLicensesPage {

    /** A product of the report with the users whose licenses can be reclaimed. */
    public record Row(UnusedLicenses report, List<ActiveUsersSearch.Row> blockedUsers) {

        /** The list price per license and month, "22.00 USD", or "Not priced" when licensing has none. */
        public String price() {
            return money(report.monthlyPricePerLicense());
        }

        /** What the unassigned licenses cost per month, as {@link #price}. */
        public String cost() {
            return money(report.monthlyCostOfUnused());
        }

        private String money(BigDecimal amount) {
            return amount == null ? "Not priced" : amount.toPlainString() + " " + report.currency();
        }
    }

    private final LicensingClient licensing;
    private final ActiveUsersSearch users;
    private final SignedInAdmin admin;
    private final Template page;

    UnusedLicensesPage(@RestClient LicensingClient licensing, ActiveUsersSearch users, SignedInAdmin admin,
            @Location("unused-licenses.html") Template page) {
        this.licensing = licensing;
        this.users = users;
        this.admin = admin;
        this.page = page;
    }

    @GET
    public TemplateInstance report() {
        String bearer = admin.bearer();
        List<UnusedLicenses> report = licensing.unusedLicenses(bearer);
        Map<String, String> names = report.stream()
                .collect(Collectors.toMap(UnusedLicenses::skuId, UnusedLicenses::productName, (a, b) -> a));
        List<Row> rows = report.stream()
                .map(product -> new Row(product, users.blockedHolding(bearer, product.skuId(), names)))
                .toList();
        return page.data("rows", rows).data("maxUsers", licensing.bulkLimits(bearer).licensesPage());
    }
}
