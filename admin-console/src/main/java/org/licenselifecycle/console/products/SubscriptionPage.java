package org.licenselifecycle.console.products;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.Confirmation;
import org.licenselifecycle.console.services.LicensingClient;
import org.licenselifecycle.console.services.LicensingClient.Subscription;
import org.licenselifecycle.console.services.LicensingClient.SubscriptionChange;
import org.licenselifecycle.console.services.ServiceError;
import org.licenselifecycle.console.signin.SignedInAdmin;

/**
 * Billing > Your products > a subscription: remove licenses (never below what is assigned), recurring billing on or
 * off, cancel inside the cancellation window. Each change is confirmed first; licensing decides, and a refusal is shown
 * on the subscription's page in licensing's words, with the subscription as it still is.
 */
@Path("/subscriptions/{id}")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPage {

    private final LicensingClient licensing;
    private final SignedInAdmin admin;
    private final Template page;
    private final Template confirm;

    SubscriptionPage(@RestClient LicensingClient licensing, SignedInAdmin admin,
            @Location("subscription.html") Template page, @Location("confirm.html") Template confirm) {
        this.licensing = licensing;
        this.admin = admin;
        this.page = page;
        this.confirm = confirm;
    }

    @GET
    public TemplateInstance subscription(@PathParam("id") String id, @QueryParam("changed") String changed) {
        SubscriptionChoices choices = new SubscriptionChoices(find(id));
        return render(choices, choices.changed(changed), null);
    }

    @POST
    @Path("licenses")
    public Response removeLicenses(@PathParam("id") String id, @FormParam("licenses") String licenses) {
        SubscriptionChoices choices = new SubscriptionChoices(find(id));
        Integer keep = SubscriptionChoices.licensesTyped(licenses);
        if (keep == null) {
            return refused(choices, 400, "Enter the number of licenses to keep as a whole number. Nothing was changed.");
        }
        return confirmation(choices.removeLicenses(keep));
    }

    @POST
    @Path("licenses/confirmed")
    public Response removeLicensesConfirmed(@PathParam("id") String id, @FormParam("licenses") String licenses) {
        Integer keep = SubscriptionChoices.licensesTyped(licenses);
        if (keep == null) {
            return refused(new SubscriptionChoices(find(id)), 400,
                    "Enter the number of licenses to keep as a whole number. Nothing was changed.");
        }
        return change(id, "licenses", () -> licensing.changeSubscription(admin.bearer(), id,
                new SubscriptionChange(keep, null)));
    }

    @POST
    @Path("recurring-billing")
    public Response recurringBilling(@PathParam("id") String id, @FormParam("on") boolean on) {
        return confirmation(new SubscriptionChoices(find(id)).recurringBilling(on));
    }

    @POST
    @Path("recurring-billing/confirmed")
    public Response recurringBillingConfirmed(@PathParam("id") String id, @FormParam("on") boolean on) {
        return change(id, "recurring-billing", () -> licensing.changeSubscription(admin.bearer(), id,
                new SubscriptionChange(null, on)));
    }

    @POST
    @Path("cancel")
    public Response cancel(@PathParam("id") String id) {
        return confirmation(new SubscriptionChoices(find(id)).cancel());
    }

    @POST
    @Path("cancel/confirmed")
    public Response cancelConfirmed(@PathParam("id") String id) {
        return change(id, "cancelled", () -> licensing.cancelSubscription(admin.bearer(), id));
    }

    /** Asks licensing for the change; its refusal is shown on the subscription's page, which then shows it unchanged. */
    private Response change(String id, String changed, Supplier<Subscription> call) {
        try {
            Subscription subscription = call.get();
            return Response.seeOther(URI.create(new SubscriptionChoices(subscription).path() + "?changed=" + changed))
                    .build();
        } catch (ServiceError e) {
            if (e.status() == 401 || e.status() == 404 || e.status() >= 500) {
                throw e;
            }
            return refused(new SubscriptionChoices(find(id)), e.pageStatus(), e.getMessage() + " Nothing was changed.");
        }
    }

    private Subscription find(String id) {
        return licensing.subscriptions(admin.bearer()).stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst()
                .orElseThrow(() -> new ServiceError(404, "Request_ResourceNotFound",
                        "Your organization has no such subscription."));
    }

    private Response confirmation(Confirmation confirmation) {
        return Response.ok(confirm.data("box", confirmation).render(), MediaType.TEXT_HTML_TYPE).build();
    }

    private Response refused(SubscriptionChoices choices, int status, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(render(choices, null, message).render())
                .build();
    }

    private TemplateInstance render(SubscriptionChoices choices, String changed, String error) {
        return page.data("s", choices.subscription()).data("choices", choices).data("changed", changed)
                .data("error", error);
    }
}
