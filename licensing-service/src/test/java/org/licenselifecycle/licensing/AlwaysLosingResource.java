package org.licenselifecycle.licensing;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.licenselifecycle.support.security.Roles;

/** A test-only endpoint whose transaction loses to another on every run, to see what the client gets. */
@Path("/test/always-loses")
public class AlwaysLosingResource {

    private final RetriedWork work;

    AlwaysLosingResource(RetriedWork work) {
        this.work = work;
    }

    @POST
    @RolesAllowed(Roles.LICENSE_ADMINISTRATOR)
    public void change() {
        work.run(() -> {
            throw RetriedWork.lost("40P01");
        });
    }
}
