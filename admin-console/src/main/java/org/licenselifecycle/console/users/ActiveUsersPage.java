package org.licenselifecycle.console.users;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.data.DataOutcome;
import org.licenselifecycle.console.data.WhatHappensToData;
import org.licenselifecycle.console.operations.BulkOperation;
import org.licenselifecycle.console.operations.BulkOperations;
import org.licenselifecycle.console.operations.OperationRequest;
import org.licenselifecycle.console.operations.SelectionLimit;
import org.licenselifecycle.console.operations.Titles;
import org.licenselifecycle.console.services.DirectoryClient;
import org.licenselifecycle.console.services.LicensingClient;
import org.licenselifecycle.console.services.ServiceError;
import org.licenselifecycle.console.signin.SignedInAdmin;

/**
 * Users > Active users: the list as the admin center shows it ({@link ActiveUsersSearch}): sorted by display name,
 * with a Licenses column naming each user's products, filtered by a product, searched by name or UPN, paged. The
 * licenses come from directory's copy, fed by licensing's events: a license assigned a moment ago may appear in
 * the column (and the filter) a moment later. Selecting a row opens the right pane,
 * "Licenses and Apps", with a box per license ("Save changes" after clearing some). Selecting several
 * users' circles and "Manage product licenses" offers "Unassign all" -> "Save changes" -> "Done".
 */
@Path("/users")
@Produces(MediaType.TEXT_HTML)
public class ActiveUsersPage {

    private final ActiveUsersSearch search;
    private final DirectoryClient directory;
    private final LicensingClient licensing;
    private final WhatHappensToData data;
    private final BulkOperations operations;
    private final SignedInAdmin admin;
    private final Clock clock;
    private final Template list;
    private final Template manage;
    private final Template confirm;

    ActiveUsersPage(ActiveUsersSearch search, @RestClient DirectoryClient directory, @RestClient LicensingClient licensing,
            WhatHappensToData data, BulkOperations operations, SignedInAdmin admin, Clock clock,
            @Location("active-users.html") Template list, @Location("manage-licenses.html") Template manage,
            @Location("confirm-unassign.html") Template confirm) {
        this.search = search;
        this.directory = directory;
        this.licensing = licensing;
        this.data = data;
        this.operations = operations;
        this.admin = admin;
        this.clock = clock;
        this.list = list;
        this.manage = manage;
        this.confirm = confirm;
    }

    @GET
    public TemplateInstance users(@QueryParam("search") String term, @QueryParam("product") String product,
            @QueryParam("next") String next) {
        return listPage(term, product, next, null, null);
    }

    /** A selected row: the list with the user's right pane open on "Licenses and Apps". */
    @GET
    @Path("{id}")
    public TemplateInstance user(@PathParam("id") String id, @QueryParam("search") String term,
            @QueryParam("product") String product, @QueryParam("next") String next) {
        return listPage(term, product, next, licensing.licensesOf(admin.bearer(), id), null);
    }

    /** "Save changes" in the pane: the box that says what clearing the boxes does to the user's data. */
    @POST
    @Path("{id}/licenses")
    public TemplateInstance confirmSave(@PathParam("id") String id, @FormParam("keep") List<String> keep) {
        LicensingClient.UserLicenses user = licensing.licensesOf(admin.bearer(), id);
        List<String> kept = keep == null ? List.of() : keep;
        List<String> removed = user.licenses().stream().map(LicensingClient.License::skuId)
                .filter(sku -> !kept.contains(sku)).toList();
        if (removed.isEmpty()) {
            return listPage(null, null, null, user, "No box was cleared: nothing to save.");
        }
        DataOutcome outcome = data.of(admin.bearer(), user.userId(), user.displayName(), user.userPrincipalName(),
                removed, productNames(user));
        return confirm.data("title", "Unassign licenses")
                .data("question", "Unassign " + outcome.removed() + " from " + user.displayName() + "?")
                .data("action", "/users/" + id + "/licenses/confirmed")
                .data("confirmLabel", "Save changes")
                .data("cancelLink", "/users/" + id)
                .data("outcomes", List.of(outcome))
                .data("purgeDate", WhatHappensToData.purgeDate(List.of(outcome)))
                .data("keep", kept);
    }

    @POST
    @Path("{id}/licenses/confirmed")
    public Response save(@PathParam("id") String id, @FormParam("keep") List<String> keep) {
        LicensingClient.UserLicenses user = licensing.licensesOf(admin.bearer(), id);
        // a box is a license the user holds: anything else in the form keeps nothing
        List<String> kept = user.licenses().stream().map(LicensingClient.License::skuId)
                .filter(sku -> keep != null && keep.contains(sku)).toList();
        String bearer = admin.bearer();
        Map<String, String> names = productNames(user);
        OperationRequest request = OperationRequest.keepOnly(admin.objectId(), clock.instant(), user.userId(), kept);
        BulkOperation operation = operations.start(request, Titles.keepOnly(user.displayName()),
                List.of(new BulkOperation.Step(user.userId(), user.displayName(), user.userPrincipalName())),
                step -> {
                    List<String> before = licensing.licensesOf(bearer, step.userId).licenses().stream()
                            .map(LicensingClient.License::skuId).toList();
                    LicensingClient.UserLicenses after = licensing.keepOnly(bearer, step.userId, new LicensingClient.Kept(kept));
                    return unassignedText(before.stream().filter(s -> !kept.contains(s)).toList(), names)
                            + keptText(after.licenses().stream().map(LicensingClient.License::keptBecause)
                                    .filter(Objects::nonNull).toList());
                });
        return Response.seeOther(URI.create("/operations/" + operation.id)).build();
    }

    /** "Manage product licenses" for the selected users, with what "Unassign all" would do to each one's data. */
    @GET
    @Path("manage")
    public TemplateInstance manage(@QueryParam("userId") List<String> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            return listPage(null, null, null, null, "Select the circles next to the names of the users first.");
        }
        SelectionLimit limit = limit();
        if (limit.exceededBy(userIds)) {
            return listPage(null, null, null, null, "You can manage the licenses of up to " + limit.max() + " users at a time.");
        }
        List<DataOutcome> outcomes = new ArrayList<>();
        for (String id : userIds.stream().distinct().toList()) {
            LicensingClient.UserLicenses user = licensing.licensesOf(admin.bearer(), id);
            // what an admin cannot remove here stays (licensing says which): the box speaks of the rest only
            boolean keepsSome = user.licenses().stream().anyMatch(l -> l.keptBecause() != null);
            List<String> going = keepsSome ? user.licenses().stream().filter(l -> l.keptBecause() == null)
                    .map(LicensingClient.License::skuId).toList() : null;
            outcomes.add(data.of(admin.bearer(), user.userId(), user.displayName(), user.userPrincipalName(), going,
                    productNames(user)));
        }
        return manage.data("outcomes", outcomes).data("purgeDate", WhatHappensToData.purgeDate(outcomes)).data("error", null);
    }

    @POST
    @Path("manage")
    public Response unassignAll(@FormParam("userId") List<String> userIds, @FormParam("licenses") String choice) {
        SelectionLimit limit = limit();
        if (!limit.admits(userIds)) {
            throw new ServiceError(400, "Request_BadRequest", "Select between 1 and " + limit.max() + " users.");
        }
        if (!"unassign-all".equals(choice)) {
            return Response.seeOther(URI.create("/users")).build();
        }
        String bearer = admin.bearer();
        List<BulkOperation.Step> steps = userIds.stream().distinct().map(id -> {
            DirectoryClient.User user = directory.user(bearer, id);
            return new BulkOperation.Step(user.id(), user.displayName(), user.userPrincipalName());
        }).toList();
        OperationRequest request = OperationRequest.unassignAll(admin.objectId(), clock.instant(),
                steps.stream().map(step -> step.userId).toList());
        BulkOperation operation = operations.start(request, Titles.UNASSIGN_ALL, steps,
                step -> {
                    LicensingClient.UserLicenses before = licensing.licensesOf(bearer, step.userId);
                    LicensingClient.UnassignResult result = licensing.unassignAll(bearer,
                            new LicensingClient.UserIds(List.of(step.userId)));
                    if (result.users().isEmpty()) {
                        return unassignedText(List.of(), productNames(before));
                    }
                    LicensingClient.Unassigned user = result.users().get(0);
                    List<LicensingClient.KeptBecause> keptHere = user.kept();
                    return (user.removedSkuIds().isEmpty() && !keptHere.isEmpty() ? "Had no license an admin can unassign here."
                            : unassignedText(user.removedSkuIds(), productNames(before))) + keptText(keptHere);
                });
        return Response.seeOther(URI.create("/operations/" + operation.id)).build();
    }

    /** "Unassign all" takes as many users as licensing's unassignAll does: licensing says how many. */
    private SelectionLimit limit() {
        return new SelectionLimit(licensing.bulkLimits(admin.bearer()).activeUsers());
    }

    private TemplateInstance listPage(String term, String product, String next, LicensingClient.UserLicenses pane,
            String error) {
        List<LicensingClient.Product> products = licensing.products(admin.bearer());
        Optional<String> skuId = Optional.ofNullable(product).filter(p -> !p.isBlank());
        // the picker offers licensing's products: anything else is no product of the tenant
        if (skuId.isPresent() && products.stream().noneMatch(p -> p.skuId().equalsIgnoreCase(skuId.get()))) {
            throw new ServiceError(400, "Request_BadRequest", "Choose a product from the list to filter by.");
        }
        Map<String, String> names = products.stream().collect(Collectors.toMap(LicensingClient.Product::skuId,
                LicensingClient.Product::productName, (a, b) -> a));
        ActiveUsersSearch.Page page = search.page(admin.bearer(), term, skuId, next, names);
        return list.data("users", page.users())
                .data("search", term == null ? "" : term)
                .data("products", products)
                .data("product", skuId.orElse(""))
                .data("next", page.next())
                .data("pane", pane)
                .data("error", error);
    }

    private static Map<String, String> productNames(LicensingClient.UserLicenses user) {
        return user.licenses().stream().collect(Collectors.toMap(LicensingClient.License::skuId,
                LicensingClient.License::productName, (a, b) -> a));
    }

    /** Each license that stayed, with licensing's words for why: an admin cannot remove it here. */
    private static String keptText(List<LicensingClient.KeptBecause> kept) {
        return kept.stream().map(k -> " Kept " + k.productName() + ": " + k.message()).collect(Collectors.joining());
    }

    private static String unassignedText(List<String> removed, Map<String, String> names) {
        return removed.isEmpty() ? "Had no license to unassign."
                : "Unassigned " + removed.stream().map(s -> names.getOrDefault(s, s)).collect(Collectors.joining(", ")) + ".";
    }
}
