package org.licenselifecycle.support.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.licenselifecycle.contract.graph.GraphError;
import org.licenselifecycle.contract.graph.GraphErrorCodes;

/**
 * Refuses a request whose announced body ({@code Content-Length}) is over {@code quarkus.http.limits.max-body-size}
 * with 413 in Graph's error envelope, before anything reads it. It runs just before Quarkus's own check, which
 * would answer the same 413 with an empty body. A chunked body that grows past the cap is cut off by RESTEasy
 * Reactive with a bare 413 (GraphErrorMapper knows it for what it is).
 */
@ApplicationScoped
public class RequestBodyLimit {

    private final Optional<MemorySize> maxBodySize;
    private final ObjectMapper json;
    private final Clock clock;

    RequestBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper json, Clock clock) {
        this.maxBodySize = maxBodySize;
        this.json = json;
        this.clock = clock;
    }

    void install(@Observes Router router) {
        maxBodySize.ifPresent(max -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(request -> refuseOver(max.asLongValue(), request)));
    }

    private void refuseOver(long max, RoutingContext request) {
        long announced = contentLength(request);
        if (announced <= max) {
            request.next();
            return;
        }
        GraphError error = RouteErrors.error(request, clock, GraphErrorCodes.REQUEST_ENTITY_TOO_LARGE,
                "The request body is " + announced + " bytes; this API accepts at most " + max + ".");
        // the body is not read: close the connection rather than leave the rest of it on the wire
        RouteErrors.refusal(request, 413, error)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(RouteErrors.json(json, error));
    }

    private static long contentLength(RoutingContext request) {
        String header = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed length itself
        }
    }
}
