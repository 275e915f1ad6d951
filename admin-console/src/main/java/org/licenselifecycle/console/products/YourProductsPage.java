package org.licenselifecycle.console.products;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.TemplateExtensions;
import org.licenselifecycle.console.services.LicensingClient;
import org.licenselifecycle.console.services.LicensingClient.Subscription;
import org.licenselifecycle.console.signin.SignedInAdmin;

/**
 * Billing > Your products: one row per subscription, even of the same product. For perpetual software a
 * Cloud Solution Provider bought, unassigning is not offered here but on the Licenses page; a self-service
 * purchase bought by a user offers "Take over" first.
 */
@Path("/products")
@Produces(MediaType.TEXT_HTML)
public class YourProductsPage {

    /**
     * A subscription with what the page offers for it, as licensing says: unassigning here unless its licenses change
     * on the Licenses page only (CSP perpetual software), "Take over" while its purchaser manages it.
     */
    public record Row(Subscription subscription, boolean cspPerpetual, boolean selfServiceNotTakenOver) {

        static Row of(Subscription s) {
            return new Row(s, !s.licensesChangeOnYourProducts(), s.managedByPurchaser());
        }

        /** Its state as the admin center words it, licensing's status name when licensing gave none. */
        public String status() {
            return subscription.lifecycleStatus() == null ? subscription.status() : subscription.lifecycleStatus();
        }

        /**
         * The dates of a subscription that is not renewed, as licensing dates them: "Active > Expired > Disabled >
         * Deleted"; empty while it renews.
         */
        public String life() {
            Subscription s = subscription;
            if (s.deletedDateTime() == null) {
                return "";
            }
            String deleted = "deleted on " + TemplateExtensions.day(s.deletedDateTime());
            String disabled = s.disabledDateTime() == null || s.disabledDateTime().equals(s.deletedDateTime()) ? ""
                    : "disabled on " + TemplateExtensions.day(s.disabledDateTime()) + ", ";
            return switch (status()) {
                case "Active" -> "Expires on " + TemplateExtensions.day(s.expiredDateTime()) + " (recurring billing is off); "
                        + disabled + deleted + " unless reactivated.";
                case "Expired" -> "Expired on " + TemplateExtensions.day(s.expiredDateTime()) + "; users keep access; "
                        + disabled + deleted + " unless reactivated.";
                case "Disabled" -> "Disabled: users can't use its licenses; admins keep the data; "
                        + deleted + " unless reactivated.";
                default -> "D" + deleted.substring(1) + ".";
            };
        }

        public String boughtBy() {
            return switch (subscription.boughtBy()) {
                case "CSP" -> "Your Cloud Solution Provider";
                case "SELF_SERVICE" -> "Self-service purchase by "
                        + (subscription.purchaser() == null ? "a user" : subscription.purchaser().displayName());
                default -> "An admin";
            };
        }
    }

    private final LicensingClient licensing;
    private final SignedInAdmin admin;
    private final Template page;

    YourProductsPage(@RestClient LicensingClient licensing, SignedInAdmin admin, @Location("products.html") Template page) {
        this.licensing = licensing;
        this.admin = admin;
        this.page = page;
    }

    @GET
    public TemplateInstance products(@QueryParam("takenOver") String takenOver) {
        List<Row> rows = licensing.subscriptions(admin.bearer()).stream().map(Row::of).toList();
        return page.data("rows", rows).data("takenOver", takenOver);
    }

    @POST
    @Path("{id}/take-over")
    public Response takeOver(@PathParam("id") String id) {
        Subscription subscription = licensing.takeOver(admin.bearer(), id);
        return Response.seeOther(URI.create("/products?takenOver="
                + URLEncoder.encode(subscription.productName(), StandardCharsets.UTF_8))).build();
    }
}
