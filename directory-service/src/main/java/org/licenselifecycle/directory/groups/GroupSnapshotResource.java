package org.licenselifecycle.directory.groups;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.security.Caller;

/**
 * For licensing-service, before it gives a group a license: {@code GET /internal/groups/{id}} answers whether the
 * caller's tenant has the group, with its name and whether it is mastered on premises; another tenant's group or
 * none is Graph's 404. Asked with licensing's caller's token, so the answer stays inside the caller's tenant. Not
 * part of Graph: the Ingress does not route {@code /internal/} (as {@code /internal/users/}).
 */
@Path("/internal/groups/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class GroupSnapshotResource {

    private final GroupService groups;
    private final Caller caller;

    GroupSnapshotResource(GroupService groups, Caller caller) {
        this.groups = groups;
        this.caller = caller;
    }

    /**
     * A group as of now.
     *
     * @param onPremisesSyncEnabled true when mastered on premises, false for a cloud group (never null here)
     */
    public record GroupSnapshot(UUID id, String displayName, boolean onPremisesSyncEnabled) {
    }

    @GET
    @Authenticated
    @Operation(summary = "A group of the caller's tenant as of now, for licensing-service before it licenses the group")
    public GroupSnapshot snapshot(@PathParam("id") String id) {
        Group group = groups.find(caller.tenantId(), id);
        return new GroupSnapshot(group.id, group.displayName, group.onPremisesSyncEnabled);
    }
}
