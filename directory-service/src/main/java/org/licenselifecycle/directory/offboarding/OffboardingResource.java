package org.licenselifecycle.directory.offboarding;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Remove a former employee (admin API): {@code POST /api/v1/users/{id|upn}/offboard} with
 * {@code {"blockSignIn", "unassignLicenses", "deleteUser"}}; answers what was done and what happens to the
 * licenses, mailbox and OneDrive and when. Global and User Administrators only, each on the users their role
 * may manage ({@link org.licenselifecycle.directory.users.PrivilegedTargets}).
 */
@Path("/api/v1/users/{idOrUserPrincipalName}/offboard")
@Produces(MediaType.APPLICATION_JSON)
public class OffboardingResource {

    private final OffboardingService offboarding;
    private final Caller caller;

    OffboardingResource(OffboardingService offboarding, Caller caller) {
        this.offboarding = offboarding;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.OFFBOARD_USERS)
    public OffboardingOutcome offboard(@PathParam("idOrUserPrincipalName") String idOrUserPrincipalName,
            Offboarding request) {
        return offboarding.offboard(caller.tenantId(), idOrUserPrincipalName, request, caller.objectId());
    }
}
