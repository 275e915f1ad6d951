package org.licenselifecycle.directory.offboarding;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.UUID;

/**
 * data-lifecycle-service's answers about what happens to a user's data ({@code DataOutcomeResource}); asked with the
 * caller's own token, so that it answers within the caller's tenant and only to a caller who may read user data.
 */
@Path("/api/v1/users/{userId}/dataOutcome")
public interface LifecycleClient {

    /** What removing all of the user's licenses does now: only the end of the grace period is quoted. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    IfRemoved ifRemoved(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("userId") UUID userId);

    /** What deleting the user at {@code deletedAt} (ISO-8601) does to their mailbox and OneDrive. */
    @GET
    @Path("ifDeleted")
    @Produces(MediaType.APPLICATION_JSON)
    IfDeleted ifDeleted(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("userId") UUID userId,
            @QueryParam("deletedAt") String deletedAt);

    /** The part of lifecycle's DataOutcome offboarding quotes (unknown fields are ignored). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record IfRemoved(Instant gracePeriodEnds) {
    }

    /** lifecycle's DeletionOutcome, as offboarding quotes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record IfDeleted(String mailbox, Instant mailboxPurgeAfter, String mailboxSummary, int oneDriveRetentionDays,
            Instant oneDriveDeleteAfter, UUID secondaryOwnerId, String oneDriveSummary) {
    }
}
