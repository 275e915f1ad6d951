package org.licenselifecycle.contract.graph;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * A refusal in Microsoft Graph's terms: an HTTP status, Graph's error code and its message. Services
 * throw it (or a subclass); service-support's {@code GraphErrorMapper} renders the envelope ({@link GraphError}).
 */
public class GraphException extends RuntimeException {

    private final int status;
    private final String code;

    public GraphException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** How long the client should wait before trying again ({@code Retry-After}), for a refusal that will pass. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** Headers Graph sends with this refusal besides {@code Retry-After} (e.g. which quota a 429 spent). */
    public Map<String, String> headers() {
        return Map.of();
    }

    /** 400 {@code Request_BadRequest}: the request cannot be carried out as sent; nothing changed. */
    public static GraphException badRequest(String message) {
        return new GraphException(400, GraphErrorCodes.BAD_REQUEST, message);
    }

    /** 404 {@code Request_ResourceNotFound}, also for objects of another tenant. */
    public static GraphException notFound(String id) {
        return new GraphException(404, GraphErrorCodes.RESOURCE_NOT_FOUND, "Resource '" + id
                + "' does not exist or one of its queried reference-property objects are not present.");
    }

    /** 403 {@code Authorization_RequestDenied}. */
    public static GraphException forbidden() {
        return new GraphException(403, GraphErrorCodes.AUTHORIZATION_REQUEST_DENIED,
                "Insufficient privileges to complete the operation.");
    }

    /** 409 with a code and message of the caller's choosing. */
    public static GraphException conflict(String code, String message) {
        return new GraphException(409, code, message);
    }
}
