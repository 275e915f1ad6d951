package org.licenselifecycle.support.observability;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.licenselifecycle.support.graph.RequestIds;
import org.licenselifecycle.support.security.Caller;

/**
 * Puts the request's Graph {@code request-id} and the caller's tenant into the logging MDC ({@value #REQUEST_ID},
 * {@value #TENANT}) for as long as the request runs, beside the trace and span ids OpenTelemetry puts there, so that
 * every line a request logs can be found from the id a Graph client was answered with, or by tenant. The MDC lives
 * in the request's Vert.x context; both keys are removed when the response goes.
 */
public class RequestLogContext {

    public static final String REQUEST_ID = "requestId";
    public static final String TENANT = "tenantId";

    private final CurrentIdentityAssociation identities;

    RequestLogContext(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /** After {@link RequestIds#assign} (default priority), before the request is matched. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 1)
    public void requestId(ContainerRequestContext request) {
        Object requestId = request.getProperty(RequestIds.REQUEST_ID);
        if (requestId != null) {
            MDC.put(REQUEST_ID, requestId.toString());
        }
    }

    /** The tenant of a verified token; a request without one is left to authentication, as {@code ThrottleFilter} does. */
    @ServerRequestFilter
    public Uni<Void> tenant(ContainerRequestContext request) {
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .invoke(identity -> {
                    if (identity != null && identity.getPrincipal() instanceof JsonWebToken token) {
                        Caller.tenantOf(token).ifPresent(tenant -> MDC.put(TENANT, tenant.toString()));
                    }
                })
                .replaceWithVoid();
    }

    @ServerResponseFilter
    public void clear(ContainerRequestContext request) {
        MDC.remove(REQUEST_ID);
        MDC.remove(TENANT);
    }
}
