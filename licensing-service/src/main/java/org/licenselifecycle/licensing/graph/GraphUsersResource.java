package org.licenselifecycle.licensing.graph;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.licensing.licenses.GroupLicensing;
import org.licenselifecycle.licensing.licenses.HeldLicense;
import org.licenselifecycle.licensing.licenses.LicenseAssignmentService;
import org.licenselifecycle.licensing.licenses.UserLicenses;
import org.licenselifecycle.licensing.subscriptions.SubscriptionService;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Graph v1.0's license operations on a user: {@code assignLicense}, {@code reprocessLicenseAssignment} and
 * {@code licenseDetails}.
 */
@Path("/v1.0/users/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft Graph v1.0")
public class GraphUsersResource {

    private final LicenseAssignmentService licenses;
    private final SubscriptionService subscriptions;
    private final GraphQuery query;
    private final Caller caller;
    private final GroupLicensing groups;

    GraphUsersResource(LicenseAssignmentService licenses, SubscriptionService subscriptions, GraphQuery query, Caller caller,
            GroupLicensing groups) {
        this.groups = groups;
        this.licenses = licenses;
        this.subscriptions = subscriptions;
        this.query = query;
        this.caller = caller;
    }

    @POST
    @Path("/assignLicense")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.ASSIGN_LICENSES)
    public GraphUser assignLicense(@PathParam("id") String id, AssignLicenseBody body, @Context UriInfo uri) {
        UserLicenses user = licenses.assignLicense(caller.tenantId(), caller.objectId(), id,
                body == null ? null : body.addLicenses(), body == null ? null : body.removeLicenses());
        return new GraphUser(ODataContext.of(uri, "users/$entity"), user.userId(), user.displayName(),
                user.userPrincipalName(), user.usageLocation(),
                user.licenses().stream().map(HeldLicense::asAssignedLicense).toList());
    }

    /** Reprocesses the user's group-based licenses: those in Error are tried again (e.g. after seats were added). */
    @POST
    @Path("/reprocessLicenseAssignment")
    @PermissionsAllowed(Operations.REPROCESS_USER_LICENSES)
    public GraphUser reprocessLicenseAssignment(@PathParam("id") String id, @Context UriInfo uri) {
        groups.reprocessUser(caller.tenantId(), caller.objectId(), id)
                .orElseThrow(() -> GraphException.notFound(id));
        UserLicenses user = licenses.licensesOf(caller.tenantId(), id);
        return new GraphUser(ODataContext.of(uri, "users/$entity"), user.userId(), user.displayName(),
                user.userPrincipalName(), user.usageLocation(),
                user.licenses().stream().map(HeldLicense::asAssignedLicense).toList());
    }

    @GET
    @Path("/licenseDetails")
    @PermissionsAllowed(Operations.READ_LICENSE_DETAILS)
    public ODataCollection<Object> licenseDetails(@PathParam("id") String id, @Context UriInfo uri) {
        UserLicenses user = licenses.licensesOf(caller.tenantId(), id);
        // a license of a product whose subscriptions are Disabled is still held, its plans no longer provisioned
        Set<UUID> withoutAccess = subscriptions.productsWithoutAccess(caller.tenantId());
        List<LicenseDetails> details = user.licenses().stream()
                .map(license -> new LicenseDetails(detailsId(user.userId(), license), license.product().skuId(),
                        license.product().skuPartNumber(),
                        license.product().servicePlans().stream()
                                .map(plan -> new ServicePlanInfo(plan.servicePlanId(), plan.servicePlanName(),
                                        license.disabledPlans().contains(plan.servicePlanId())
                                                || withoutAccess.contains(license.product().skuId()) ? "Disabled" : "Success",
                                        "User"))
                                .toList()))
                .toList();
        return query.page(uri, "users('" + user.userId() + "')/licenseDetails", details, LicenseDetails.class);
    }

    /** Graph's licenseDetails ids are opaque base64url strings; ours encode the user and the product. */
    private static String detailsId(UUID userId, HeldLicense license) {
        UUID skuId = license.product().skuId();
        ByteBuffer bytes = ByteBuffer.allocate(32)
                .putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits())
                .putLong(skuId.getMostSignificantBits()).putLong(skuId.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
