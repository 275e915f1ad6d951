package org.licenselifecycle.licensing.officeapps;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Grant;
import org.licenselifecycle.support.security.Operations;

/** The Office apps' activation check (admin API): may the user's Microsoft 365 Apps activate? */
@Path("/api/v1/users/{id}/officeActivation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Office apps")
public class OfficeActivationResource {

    private final OfficeActivationService activation;
    private final Caller caller;
    private final SecurityIdentity identity;

    OfficeActivationResource(OfficeActivationService activation, Caller caller, SecurityIdentity identity) {
        this.activation = activation;
        this.caller = caller;
        this.identity = identity;
    }

    @GET
    @PermissionsAllowed(Operations.CHECK_OFFICE_ACTIVATION)
    @Operation(summary = "Whether the user is licensed for Microsoft 365 Apps, else \"Unlicensed Product\"",
            description = "A user may ask about themselves (the apps do); admins and Global Readers about anyone. "
                    + "With ifRemoved=skuId (repeated): whether the apps would still activate once those products are "
                    + "unassigned (the Unassign box's Office apps note).")
    public OfficeActivation check(@PathParam("id") String id, @QueryParam("ifRemoved") List<String> ifRemoved) {
        // whoever may read users' licenses may ask about anyone: the same rule as the Licenses page's
        boolean reader = Operations.allows(Operations.READ_LICENSES, Grant.of(identity));
        Set<UUID> removed = new LinkedHashSet<>();
        if (ifRemoved != null) {
            ifRemoved.forEach(skuId -> removed.add(ObjectIds.parse(skuId, "ifRemoved")));
        }
        OfficeActivation answer = activation.check(caller.tenantId(), id, removed);
        if (!reader && !answer.userId().equals(caller.objectId())) {
            throw GraphException.forbidden();
        }
        return answer;
    }
}
