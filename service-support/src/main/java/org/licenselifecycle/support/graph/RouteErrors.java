package org.licenselifecycle.support.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphError;

/**
 * Graph's error envelope written by a Vert.x route, for refusals made before JAX-RS sees the request (where
 * {@link GraphErrorMapper} writes it): the same body, {@code request-id} and {@code client-request-id}.
 */
final class RouteErrors {

    private RouteErrors() {
    }

    /** The response, its status, envelope headers and content type set: the caller adds its own headers and ends it. */
    static HttpServerResponse refusal(RoutingContext request, int status, GraphError error) {
        return request.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(RequestIds.REQUEST_ID, error.error().innerError().requestId())
                .putHeader(RequestIds.CLIENT_REQUEST_ID, error.error().innerError().clientRequestId());
    }

    /** The envelope of {@code code} and {@code message}, with the caller's client-request-id when it sent one. */
    static GraphError error(RoutingContext request, Clock clock, String code, String message) {
        String clientRequestId = request.request().getHeader(RequestIds.CLIENT_REQUEST_ID);
        return GraphError.of(code, message, clock.instant(), UUID.randomUUID().toString(),
                clientRequestId == null ? UUID.randomUUID().toString() : clientRequestId);
    }

    static String json(ObjectMapper json, GraphError error) {
        try {
            return json.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
