package org.licenselifecycle.lifecycle.data;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Admin API: what removing some of a user's licenses would do to their mailbox and OneDrive (the Unassign box), and
 * what deleting the user does ({@code /ifDeleted}: directory-service's offboarding quotes it).
 */
@Path("/api/v1/users/{userId}/dataOutcome")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Operations.READ_USER_DATA)
@Tag(name = "Mailboxes")
public class DataOutcomeResource {

    private final WhatHappensToData data;
    private final Caller caller;

    DataOutcomeResource(WhatHappensToData data, Caller caller) {
        this.data = data;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "What happens to a user's data if licenses go",
            description = "For the products named by skuId (repeated; all of the user's when none): whether the "
                    + "mailbox stays, is kept by a hold, or is disconnected and purged at the end of the grace period; "
                    + "items under retention labels are kept; OneDrive is left in place.")
    public DataOutcome ifRemoved(@PathParam("userId") String userId, @QueryParam("skuId") List<String> skuIds) {
        return data.ifRemoved(caller.tenantId(), userId, skuIds == null || skuIds.isEmpty() ? null : skuIdsOf(skuIds));
    }

    @GET
    @Path("ifDeleted")
    @Operation(summary = "What happens to a user's data if the user is deleted",
            description = "At deletedAt (ISO-8601; now when absent): whether the mailbox becomes inactive (held under "
                    + "an Enterprise plan) or is soft-deleted and purged, and when; OneDrive is kept for the tenant's "
                    + "retention, then deleted, with access for the manager or else the tenant's secondary owner.")
    public DeletionOutcome ifDeleted(@PathParam("userId") String userId, @QueryParam("deletedAt") String deletedAt) {
        return data.ifDeleted(caller.tenantId(), userId, deletedAt == null || deletedAt.isBlank() ? null : instant(deletedAt));
    }

    private static Instant instant(String deletedAt) {
        try {
            return Instant.parse(deletedAt);
        } catch (DateTimeParseException e) {
            throw GraphException.badRequest("deletedAt must be an ISO-8601 instant, e.g. 2026-11-27T09:00:00Z.");
        }
    }

    private static Set<UUID> skuIdsOf(List<String> skuIds) {
        Set<UUID> ids = new LinkedHashSet<>();
        skuIds.forEach(skuId -> ids.add(ObjectIds.parse(skuId)));
        return ids;
    }
}
