package org.licenselifecycle.support.graph;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every request Graph's {@code request-id} and echoes the caller's {@code client-request-id},
 * as response headers and inside error envelopes, so a failure can be traced from either side.
 */
public class RequestIds {

    public static final String REQUEST_ID = "request-id";
    public static final String CLIENT_REQUEST_ID = "client-request-id";

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        request.setProperty(REQUEST_ID, UUID.randomUUID().toString());
        String clientRequestId = request.getHeaderString(CLIENT_REQUEST_ID);
        request.setProperty(CLIENT_REQUEST_ID, clientRequestId == null ? UUID.randomUUID().toString() : clientRequestId);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object requestId = request.getProperty(REQUEST_ID);
        if (requestId != null) {
            response.getHeaders().putSingle(REQUEST_ID, requestId);
            response.getHeaders().putSingle(CLIENT_REQUEST_ID, request.getProperty(CLIENT_REQUEST_ID));
        }
    }

    static String of(ContainerRequestContext request, String name) {
        Object value = request == null ? null : request.getProperty(name);
        return value == null ? UUID.randomUUID().toString() : value.toString();
    }
}
