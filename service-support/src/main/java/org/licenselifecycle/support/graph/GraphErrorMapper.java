package org.licenselifecycle.support.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.licenselifecycle.contract.graph.GraphError;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.support.sql.SqlFailures;

/**
 * The one place that turns exceptions into Graph's error envelope. A client's mistake is a 4xx with
 * Graph's code; only our own defects are a 500, and those are logged with the request id.
 */
public class GraphErrorMapper {

    private static final Logger LOG = Logger.getLogger(GraphErrorMapper.class);
    /** How long a client waits before trying again while the database is away (a restart takes seconds). */
    private static final Duration DATABASE_RETRY_AFTER = Duration.ofSeconds(2);

    private final Clock clock;

    GraphErrorMapper(Clock clock) {
        this.clock = clock;
    }

    @ServerExceptionMapper
    public Response graph(GraphException e, ContainerRequestContext request) {
        Response.ResponseBuilder response = Response.fromResponse(envelope(request, e.status(), e.code(), e.getMessage()));
        // as Graph answers when busy or throttling: the Graph SDKs wait that long and try again
        e.retryAfter().ifPresent(wait -> response.header("Retry-After", wait.toSeconds()));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        return envelope(request, 401, GraphErrorCodes.INVALID_AUTHENTICATION_TOKEN,
                "Access token is empty, expired or not valid.");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        GraphException denied = GraphException.forbidden();
        return envelope(request, denied.status(), denied.code(), denied.getMessage());
    }

    // MismatchedInputException (wrong JSON type, trailing tokens) is named explicitly: Quarkus has a
    // built-in mapper for it that would otherwise win over the JsonProcessingException one and answer
    // without Graph's envelope.
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableJson(JsonProcessingException e, ContainerRequestContext request) {
        return envelope(request, 400, GraphErrorCodes.BAD_REQUEST,
                "The request body is not valid JSON for this operation: " + e.getOriginalMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, ContainerRequestContext request) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return defect(e, request);
        }
        String code = switch (status) {
            case 401 -> GraphErrorCodes.INVALID_AUTHENTICATION_TOKEN;
            case 403 -> GraphErrorCodes.AUTHORIZATION_REQUEST_DENIED;
            case 404 -> GraphErrorCodes.RESOURCE_NOT_FOUND;
            case 405 -> GraphErrorCodes.METHOD_NOT_ALLOWED;
            case 406 -> GraphErrorCodes.NOT_ACCEPTABLE;
            case 415 -> GraphErrorCodes.UNSUPPORTED_MEDIA_TYPE;
            default -> GraphErrorCodes.BAD_REQUEST;
        };
        String message = status == 404 ? "Resource not found for the segment '" + request.getUriInfo().getPath() + "'."
                : e.getMessage();
        return envelope(request, status, code, message);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request, HttpServerResponse response) {
        if (response.ended() && response.getStatusCode() == 413) {
            // a chunked body grew past quarkus.http.limits.max-body-size: RESTEasy Reactive has answered 413
            // (and closed the connection) before failing the read; the client's mistake, not our defect
            LOG.debugf("Request body over the cap: %s", e.getMessage());
            return Response.status(413).build();
        }
        if (SqlFailures.databaseUnavailable(e)) {
            // the database restarting or out of reach: nothing is broken in the request or in us, and the same
            // request passes once it is back; the Graph SDKs' retry handlers wait Retry-After and try again
            LOG.warnf("Request %s: the database is unavailable: %s", RequestIds.of(request, RequestIds.REQUEST_ID),
                    e.getMessage());
            return Response.fromResponse(envelope(request, 503, GraphErrorCodes.SERVICE_UNAVAILABLE,
                    "The service cannot reach its database right now; nothing was changed. Try again shortly."))
                    .header("Retry-After", DATABASE_RETRY_AFTER.toSeconds()).build();
        }
        return defect(e, request);
    }

    private Response defect(Throwable e, ContainerRequestContext request) {
        String requestId = RequestIds.of(request, RequestIds.REQUEST_ID);
        LOG.errorf(e, "Request %s failed", requestId);
        return envelope(request, 500, GraphErrorCodes.GENERAL_EXCEPTION,
                "An internal error occurred; quote request-id " + requestId + " when reporting it.");
    }

    private Response envelope(ContainerRequestContext request, int status, String code, String message) {
        GraphError body = GraphError.of(code, message, clock.instant(), RequestIds.of(request, RequestIds.REQUEST_ID),
                RequestIds.of(request, RequestIds.CLIENT_REQUEST_ID));
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
