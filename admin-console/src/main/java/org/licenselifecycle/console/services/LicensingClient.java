package org.licenselifecycle.console.services;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * licensing-service as the console calls it: the Licenses page, Active users, Your products, the unused-licenses
 * report (admin API)
 * and Graph's assignLicense / licenseDetails.
 */
@RegisterRestClient(configKey = "licensing")
@RegisterProvider(LicensingErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface LicensingClient {

    /** A row of the Licenses page; {@code status} the product's state in the admin center's words (Active, Expired, Disabled). */
    record Product(String skuId, String skuPartNumber, String productName, int total, int assigned, int available,
            String status) {
    }

    /** A holder of a product; {@code state} and {@code error}: their licenseAssignmentState from the group, if any. */
    record Holder(String userId, String displayName, String userPrincipalName, Instant assignedDateTime,
            String assignedByGroup, String assignedByGroupName, String state, String error) {
    }

    record Holders(List<Holder> value, String nextLink) {
    }

    record UserIds(List<String> userIds) {
    }

    /** One user of a bulk unassign: what was removed, and what stayed because an admin cannot remove it here. */
    record Unassigned(String userId, String userPrincipalName, List<String> removedSkuIds, List<KeptBecause> kept) {

        public List<KeptBecause> kept() {
            return kept == null ? List.of() : kept;
        }
    }

    /**
     * Why an admin cannot remove a license here, as licensing says it ({@code reason}: INHERITED_FROM_GROUP or
     * SELF_SERVICE_PURCHASE; {@code message}: in words, naming the group or the purchaser; {@code state} and
     * {@code error}: the user's licenseAssignmentState from the group, e.g. Error with DependencyViolation for a license
     * kept for another that depends on it): the pane greys it out.
     */
    record KeptBecause(String skuId, String productName, String reason, String groupId, String groupName,
            String subscriptionId, String message, String state, String error) {

        /** Kept from a group that no longer gives it, for a license that depends on it. */
        public boolean keptForDependents() {
            return "Error".equals(state) && "DependencyViolation".equals(error);
        }
    }

    /** A license restoring the deleted user could not give back, and why. */
    record NotRestored(String skuId, String skuPartNumber, String productName, String reason, String reasonCode,
            Instant recordedDateTime) {
    }

    record UnassignResult(List<Unassigned> users) {
    }

    record Assigned(String userId, String userPrincipalName, List<String> assignedSkuIds) {
    }

    record AssignResult(List<Assigned> users) {
    }

    /** A row of the unused-licenses report: licenses paid for and not assigned, and their monthly cost if priced. */
    record UnusedLicenses(String skuId, String skuPartNumber, String productName, int total, int assigned, int unused,
            BigDecimal monthlyPricePerLicense, String currency, BigDecimal monthlyCostOfUnused) {
    }

    /** A license a user holds; {@code keptBecause} is null when an admin can remove it here. */
    record License(String skuId, String skuPartNumber, String productName, List<String> disabledPlans,
            Instant assignedDateTime, String assignedByGroup, KeptBecause keptBecause) {

        public License(String skuId, String skuPartNumber, String productName, List<String> disabledPlans,
                Instant assignedDateTime, String assignedByGroup) {
            this(skuId, skuPartNumber, productName, disabledPlans, assignedDateTime, assignedByGroup, null);
        }
    }

    record UserLicenses(String userId, String displayName, String userPrincipalName, String usageLocation,
            boolean accountEnabled, List<License> licenses, List<NotRestored> restoreFailures) {

        public UserLicenses(String userId, String displayName, String userPrincipalName, String usageLocation,
                boolean accountEnabled, List<License> licenses) {
            this(userId, displayName, userPrincipalName, usageLocation, accountEnabled, licenses, List.of());
        }

        public List<NotRestored> restoreFailures() {
            return restoreFailures == null ? List.of() : restoreFailures;
        }
    }

    record Kept(List<String> skuIds) {
    }

    record Purchaser(String id, String displayName) {
    }

    /**
     * A row of Your products: one subscription, with licensing's facts about it ({@code managedByPurchaser}: a
     * self-service purchase not taken over; {@code licensesChangeOnYourProducts}: false for perpetual software a
     * Cloud Solution Provider bought), which the console shows and does not recompute; {@code
     * cancellationWindowEndsDateTime} is null when it cannot be cancelled at all. Its life, as licensing
     * dates it: {@code lifecycleStatus} (Active, Expired, Disabled, Deleted) and when it expires, is disabled and
     * deleted when it is not renewed (null while it renews).
     */
    record Subscription(String id, String skuId, String skuPartNumber, String productName, int licenses, String status,
            Instant createdDateTime, Instant nextLifecycleDateTime, boolean trial, String boughtBy, Purchaser purchaser,
            Instant takenOverDateTime, String productKind, boolean assignable, boolean managedByPurchaser,
            boolean licensesChangeOnYourProducts, boolean recurringBilling, Instant cancellationWindowEndsDateTime,
            String lifecycleStatus, Instant expiredDateTime, Instant disabledDateTime, Instant deletedDateTime) {
    }

    /** Your products' changes to a subscription: fewer licenses and/or recurring billing on or off; null: unchanged. */
    record SubscriptionChange(Integer licenses, Boolean recurringBilling) {
    }

    /**
     * The Office apps' activation check: {@code status} "Licensed" or "Unlicensed Product", with licensing's
     * {@code message} in words.
     */
    record OfficeActivation(boolean licensed, String status, boolean reducedFunctionality, List<String> licensedBy,
            String message) {
    }

    /** How many users one bulk change takes: on the Licenses page and in Active users' "Unassign all". */
    record BulkLimits(int licensesPage, int activeUsers) {
    }

    /** Graph's servicePlanInfo of a user's licenseDetails. */
    record ServicePlanInfo(String servicePlanId, String servicePlanName, String provisioningStatus) {
    }

    record LicenseDetail(String skuId, String skuPartNumber, List<ServicePlanInfo> servicePlans) {
    }

    record LicenseDetails(List<LicenseDetail> value) {
    }

    @GET
    @Path("/api/v1/licenses")
    List<Product> products(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/api/v1/licenses/bulkLimits")
    BulkLimits bulkLimits(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/api/v1/licenses/{skuId}/users")
    Holders holders(@HeaderParam("Authorization") String bearer, @PathParam("skuId") String skuId,
            @QueryParam("$top") int top, @QueryParam("$skiptoken") String skipToken);

    @POST
    @Path("/api/v1/licenses/{skuId}/unassign")
    UnassignResult unassign(@HeaderParam("Authorization") String bearer, @PathParam("skuId") String skuId, UserIds users);

    @POST
    @Path("/api/v1/licenses/{skuId}/assign")
    AssignResult assign(@HeaderParam("Authorization") String bearer, @PathParam("skuId") String skuId, UserIds users);

    @GET
    @Path("/api/v1/reports/unusedLicenses")
    List<UnusedLicenses> unusedLicenses(@HeaderParam("Authorization") String bearer);

    @GET
    @Path("/api/v1/users/{id}/licenses")
    UserLicenses licensesOf(@HeaderParam("Authorization") String bearer, @PathParam("id") String userId);

    @PUT
    @Path("/api/v1/users/{id}/licenses")
    UserLicenses keepOnly(@HeaderParam("Authorization") String bearer, @PathParam("id") String userId, Kept kept);

    @POST
    @Path("/api/v1/users/unassignAll")
    UnassignResult unassignAll(@HeaderParam("Authorization") String bearer, UserIds users);

    @GET
    @Path("/api/v1/subscriptions")
    List<Subscription> subscriptions(@HeaderParam("Authorization") String bearer);

    @POST
    @Path("/api/v1/subscriptions/{id}/takeOver")
    Subscription takeOver(@HeaderParam("Authorization") String bearer, @PathParam("id") String subscriptionId);

    /** Reduce licenses (never below assigned: 400) and/or turn recurring billing on or off. */
    @PATCH
    @Path("/api/v1/subscriptions/{id}")
    Subscription changeSubscription(@HeaderParam("Authorization") String bearer, @PathParam("id") String subscriptionId,
            SubscriptionChange change);

    /** Cancel inside the cancellation window (outside it: 400 saying to turn off recurring billing). */
    @POST
    @Path("/api/v1/subscriptions/{id}/cancel")
    Subscription cancelSubscription(@HeaderParam("Authorization") String bearer, @PathParam("id") String subscriptionId);

    /** Whether the user's Office apps would still activate once the products {@code ifRemoved} are unassigned. */
    @GET
    @Path("/api/v1/users/{id}/officeActivation")
    OfficeActivation officeActivation(@HeaderParam("Authorization") String bearer, @PathParam("id") String userId,
            @QueryParam("ifRemoved") List<String> ifRemoved);

    @GET
    @Path("/v1.0/users/{id}/licenseDetails")
    LicenseDetails licenseDetails(@HeaderParam("Authorization") String bearer, @PathParam("id") String userId);

    /** Graph's assignLicense: {@code {"addLicenses":[{"skuId","disabledPlans"}],"removeLicenses":[]}}. */
    @POST
    @Path("/v1.0/users/{id}/assignLicense")
    Map<String, Object> assignLicense(@HeaderParam("Authorization") String bearer, @PathParam("id") String userId,
            Map<String, Object> body);
}
