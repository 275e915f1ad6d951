package org.licenselifecycle.support.transaction;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.licenselifecycle.support.security.Operations;

/** A test-only endpoint whose transaction loses to another on every run, to see what the client gets. */
@Path("/test/always-loses")
public class AlwaysLosingResource {

    private final RetriedWork work;

    AlwaysLosingResource(RetriedWork work) {
        this.work = work;
    }

    @POST
    @PermissionsAllowed(Operations.ASSIGN_LICENSES)
    public void change() {
        work.run(() -> {
            throw RetriedWork.lost("40P01");
        });
    }
}
