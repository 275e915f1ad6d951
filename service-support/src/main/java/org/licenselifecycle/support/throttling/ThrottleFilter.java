package org.licenselifecycle.support.throttling;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Grant;

/**
 * Applies {@link Throttle} to every request of a signed-in caller, before its body is read: a throttled request
 * changes nothing. Requests without a valid token are left to authentication (401).
 */
public class ThrottleFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final Throttle throttle;
    private final CurrentIdentityAssociation identities;

    ThrottleFilter(Throttle throttle, CurrentIdentityAssociation identities) {
        this.throttle = throttle;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Void> throttle(ContainerRequestContext request) {
        boolean write = !READS.contains(request.getMethod());
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull() // a bad token: authentication answers 401 itself
                .invoke(identity -> take(identity, write))
                .replaceWithVoid();
    }

    private void take(SecurityIdentity identity, boolean write) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return;
        }
        Caller.tenantOf(token).ifPresent(tenant -> throttle.take(tenant, Grant.of(identity).applicationId(), write));
    }
}
