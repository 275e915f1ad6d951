package org.licenselifecycle.licensing.officeapps;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.graph.GraphException;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Roles;

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
    @Authenticated
    @Operation(summary = "Whether the user is licensed for Microsoft 365 Apps, else \"Unlicensed Product\"",
            description = "A user may ask about themselves (the apps do); admins and Global Readers about anyone.")
    public OfficeActivation check(@PathParam("id") String id) {
        boolean reader = identity.hasRole(Roles.GLOBAL_ADMINISTRATOR) || identity.hasRole(Roles.LICENSE_ADMINISTRATOR)
                || identity.hasRole(Roles.USER_ADMINISTRATOR) || identity.hasRole(Roles.GLOBAL_READER);
        OfficeActivation answer = activation.check(caller.tenantId(), id);
        if (!reader && !answer.userId().equals(caller.objectId())) {
            throw GraphException.forbidden();
        }
        return answer;
    }
}
