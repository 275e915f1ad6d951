package org.licenselifecycle.console.services;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** data-lifecycle-service as the console calls it: a user's mailbox, OneDrive and data timeline. */
@RegisterRestClient(configKey = "lifecycle")
@RegisterProvider(LifecycleErrorMapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface LifecycleClient {

    record Mailbox(String userId, String userPrincipalName, String state, boolean searchable, String exchangePlan,
            Instant removedAt, List<String> holds, Instant heldUntil, Instant userDeletedAt, Instant purgedAt,
            Instant purgeAfter, boolean reconnectable) {
    }

    record OneDrive(String userId, String state, String url, Instant deleteAfter) {
    }

    record TimelineEntry(Instant at, String event, String actor, String detail) {
    }

    record Timeline(String userId, List<TimelineEntry> entries) {
    }

    /**
     * What removing licenses would do to a user's data, as data-lifecycle-service's rules say: {@code mailbox} is
     * NO_MAILBOX, NOT_LICENSED_BY_THESE, KEPT_THROUGH_ANOTHER_LICENSE (through {@code keptThrough}), HELD (by
     * {@code holds}) or DISCONNECTED (purged at {@code purgeAfter}); {@code oneDrive} is UNCHANGED.
     */
    record DataOutcome(String userId, String mailbox, String keptThrough, List<String> holds, Instant purgeAfter,
            Instant gracePeriodEnds, boolean inactiveWhenUserDeleted, boolean labelledItemsKept, String oneDrive) {
    }

    @GET
    @Path("/api/v1/users/{id}/mailbox")
    Mailbox mailbox(@HeaderParam("Authorization") String bearer, @PathParam("id") String userId);

    @GET
    @Path("/api/v1/users/{id}/onedrive")
    OneDrive oneDrive(@HeaderParam("Authorization") String bearer, @PathParam("id") String userId);

    /** @param skuIds the products to remove; null for all of the user's */
    @GET
    @Path("/api/v1/users/{id}/dataOutcome")
    DataOutcome dataOutcome(@HeaderParam("Authorization") String bearer, @PathParam("id") String userId,
            @QueryParam("skuId") List<String> skuIds);

    @GET
    @Path("/api/v1/users/{id}/timeline")
    Timeline timeline(@HeaderParam("Authorization") String bearer, @PathParam("id") String userId);
}
