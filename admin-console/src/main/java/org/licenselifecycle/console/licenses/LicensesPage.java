package org.licenselifecycle.console.licenses;

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
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.ConsoleConfig;
import org.licenselifecycle.console.data.DataOutcome;
import org.licenselifecycle.console.data.WhatHappensToData;
import org.licenselifecycle.console.operations.BulkOperation;
import org.licenselifecycle.console.operations.BulkOperations;
import org.licenselifecycle.console.operations.OperationRequest;
import org.licenselifecycle.console.operations.SelectionLimit;
import org.licenselifecycle.console.operations.Titles;
import org.licenselifecycle.console.services.DirectoryClient;
import org.licenselifecycle.console.services.LicensingClient;
import org.licenselifecycle.console.services.LicensingClient.Product;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.console.services.ServiceError;
import org.licenselifecycle.console.signin.SignedInAdmin;
import org.licenselifecycle.console.users.ActiveUsersSearch;

/**
 * Billing > Licenses: every product with total (summed over its subscriptions), assigned and available;
 * a product's users with check boxes (at most 20); "Unassign licenses" -> the "Unassign licenses" box,
 * which says what happens to each user's data -> "Unassign"; "Assign licenses" -> users without the product,
 * searched by name -> "Assign". Both are one all-or-nothing call to licensing, with a result per user.
 */
@Path("/licenses")
@Produces(MediaType.TEXT_HTML)
public class LicensesPage {


    private final LicensingClient licensing;
    private final DirectoryClient directory;
    private final WhatHappensToData data;
    private final BulkOperations operations;
    private final SignedInAdmin admin;
    private final ConsoleConfig config;
    private final Clock clock;
    private final Template products;
    private final Template product;
    private final Template confirm;
    private final Template assign;
    private final ActiveUsersSearch users;

    LicensesPage(@RestClient LicensingClient licensing, @RestClient DirectoryClient directory, WhatHappensToData data,
            BulkOperations operations, SignedInAdmin admin, ConsoleConfig config, Clock clock,
            @Location("licenses.html") Template products, @Location("license-users.html") Template product,
            @Location("confirm-unassign.html") Template confirm, @Location("assign-licenses.html") Template assign,
            ActiveUsersSearch users) {
        this.licensing = licensing;
        this.directory = directory;
        this.data = data;
        this.operations = operations;
        this.admin = admin;
        this.config = config;
        this.clock = clock;
        this.products = products;
        this.product = product;
        this.confirm = confirm;
        this.assign = assign;
        this.users = users;
    }

    @GET
    public TemplateInstance products() {
        return products.data("products", licensing.products(admin.bearer()));
    }

    @GET
    @Path("{skuId}")
    public TemplateInstance product(@PathParam("skuId") String skuId, @QueryParam("skiptoken") String skipToken) {
        return productPage(skuId, skipToken, null);
    }

    /** "Unassign licenses": the box that asks to confirm, with what happens to each user's data. */
    @POST
    @Path("{skuId}/unassign")
    public TemplateInstance confirm(@PathParam("skuId") String skuId, @FormParam("userId") List<String> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            return productPage(skuId, null, "Select the check boxes of the users to unassign licenses from.");
        }
        SelectionLimit limit = limit();
        if (limit.exceededBy(userIds)) {
            return productPage(skuId, null, tooMany(limit) + " " + userIds.size() + " were selected: clear some boxes.");
        }
        List<Product> all = licensing.products(admin.bearer());
        Product chosen = find(all, skuId);
        Map<String, String> names = all.stream()
                .collect(Collectors.toMap(Product::skuId, Product::productName, (a, b) -> a));
        List<DataOutcome> outcomes = userIds.stream().distinct().map(id -> {
            DirectoryClient.User user = directory.user(admin.bearer(), id);
            return data.of(admin.bearer(), user.id(), user.displayName(), user.userPrincipalName(), List.of(skuId), names);
        }).toList();
        return confirm.data("title", "Unassign licenses")
                .data("question", "Unassign " + chosen.productName() + " from " + outcomes.size()
                        + (outcomes.size() == 1 ? " user?" : " users?"))
                .data("action", "/licenses/" + skuId + "/unassign/confirmed")
                .data("confirmLabel", "Unassign")
                .data("cancelLink", "/licenses/" + skuId)
                .data("outcomes", outcomes)
                .data("purgeDate", WhatHappensToData.purgeDate(outcomes))
                .data("keep", List.of());
    }

    /**
     * "Unassign": one call to licensing's bulk unassign, all or nothing. Every selected user loses the product, or
     * none does and each user's row says why (a user deleted meanwhile, one who no longer holds it, a refused role).
     */
    @POST
    @Path("{skuId}/unassign/confirmed")
    public Response unassign(@PathParam("skuId") String skuId, @FormParam("userId") List<String> userIds) {
        SelectionLimit limit = limit();
        if (!limit.admits(userIds)) {
            throw new ServiceError(400, "Request_BadRequest", tooMany(limit) + " Select between 1 and " + limit.max()
                    + " users.");
        }
        Product chosen = find(skuId);
        String bearer = admin.bearer();
        List<BulkOperation.Step> steps = steps(bearer, userIds);
        return together(OperationRequest.unassignProduct(admin.objectId(), clock.instant(), chosen.skuId(), ids(steps)),
                Titles.unassignProduct(chosen.productName()), steps,
                users -> licensing.unassign(bearer, skuId, new LicensingClient.UserIds(users)).users().stream()
                        .map(LicensingClient.Unassigned::userId).toList(),
                chosen.productName() + " unassigned.");
    }

    /**
     * "Assign licenses": the users who do not hold the product, found by the start of their name, with the licenses
     * available; up to 20 at a time.
     */
    @GET
    @Path("{skuId}/assign")
    public TemplateInstance assignPage(@PathParam("skuId") String skuId, @QueryParam("search") String search,
            @QueryParam("skiptoken") String skipToken) {
        return assignPage(skuId, search, skipToken, null);
    }

    /** Assigns the product to the selected users in one call to licensing, all or nothing. */
    @POST
    @Path("{skuId}/assign")
    public Response assign(@PathParam("skuId") String skuId, @FormParam("userId") List<String> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            return refused(assignPage(skuId, null, null, "Select the check boxes of the users to assign licenses to."));
        }
        SelectionLimit limit = limit();
        if (limit.exceededBy(userIds)) {
            return refused(assignPage(skuId, null, null, "You can assign licenses for up to " + limit.max()
                    + " users at a time. " + userIds.size() + " were selected: clear some boxes."));
        }
        Product chosen = find(skuId);
        String bearer = admin.bearer();
        List<BulkOperation.Step> steps = steps(bearer, userIds);
        return together(OperationRequest.assignProduct(admin.objectId(), clock.instant(), chosen.skuId(), ids(steps)),
                Titles.assignProduct(chosen.productName()), steps,
                users -> licensing.assign(bearer, skuId, new LicensingClient.UserIds(users)).users().stream()
                        .map(LicensingClient.Assigned::userId).toList(),
                chosen.productName() + " assigned.");
    }

    /**
     * Starts {@code call}, licensing's all-or-nothing change of the selected users (it answers with the users it
     * changed), as one operation whose page shows {@code done} for each changed user, and leads there.
     */
    private Response together(OperationRequest request, String title, List<BulkOperation.Step> steps,
            Function<List<String>, List<String>> call, String done) {
        BulkOperation operation = operations.startTogether(request, title, steps, all -> call.apply(ids(all)).stream()
                .collect(Collectors.toMap(userId -> userId.toLowerCase(Locale.ROOT), userId -> done)));
        return Response.seeOther(URI.create("/operations/" + operation.id)).build();
    }

    private TemplateInstance assignPage(String skuId, String search, String skipToken, String error) {
        List<Product> all = licensing.products(admin.bearer());
        Product chosen = find(all, skuId);
        Map<String, String> names = all.stream()
                .collect(Collectors.toMap(Product::skuId, Product::productName, (a, b) -> a));
        ActiveUsersSearch.Page page = users.lacking(admin.bearer(), search, chosen.skuId(), skipToken, names);
        return assign.data("product", chosen)
                .data("users", page.users())
                .data("search", search == null ? "" : search)
                .data("next", page.next())
                .data("maxUsers", limit().max())
                .data("error", error);
    }

    /**
     * The selected users as their rows will show them; a user directory no longer has (deleted meanwhile) is still
     * sent, by id, so that licensing's answer, all or nothing, says so.
     */
    private List<BulkOperation.Step> steps(String bearer, List<String> userIds) {
        return userIds.stream().map(id -> id.toLowerCase(Locale.ROOT)).distinct().map(id -> {
            DirectoryClient.User user = ServiceError.nullWhenNotFound(() -> directory.user(bearer, id));
            return user == null ? new BulkOperation.Step(id, "Unknown user " + id, null)
                    : new BulkOperation.Step(user.id().toLowerCase(Locale.ROOT), user.displayName(), user.userPrincipalName());
        }).toList();
    }

    /** The page again with what was wrong, as a 400: nothing was asked of licensing. */
    private static Response refused(TemplateInstance page) {
        return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }

    private static List<String> ids(List<BulkOperation.Step> steps) {
        return steps.stream().map(step -> step.userId).toList();
    }

    private TemplateInstance productPage(String skuId, String skipToken, String error) {
        Product chosen = find(skuId);
        LicensingClient.Holders holders = licensing.holders(admin.bearer(), skuId, config.pageSize(), skipToken);
        return product.data("product", chosen)
                .data("holders", holders.value())
                .data("next", ODataCollection.skipTokenOf(holders.nextLink()))
                .data("maxUsers", limit().max())
                .data("error", error);
    }

    /** "The Licenses page lets you assign or unassign licenses for up to 20 users at a time": licensing says how many. */
    private SelectionLimit limit() {
        return new SelectionLimit(licensing.bulkLimits(admin.bearer()).licensesPage());
    }

    private static String tooMany(SelectionLimit limit) {
        return "You can unassign licenses for up to " + limit.max() + " users at a time.";
    }

    private Product find(String skuId) {
        return find(licensing.products(admin.bearer()), skuId);
    }

    private static Product find(List<Product> products, String skuId) {
        return products.stream().filter(p -> p.skuId().equalsIgnoreCase(skuId)).findFirst()
                .orElseThrow(() -> new ServiceError(404, "Request_ResourceNotFound",
                        "Your organization has no subscription for this product."));
    }
}
