package org.licenselifecycle.console.services;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.licenselifecycle.contract.graph.GraphError;

/**
 * Turns a service's answer into a {@link ServiceError} in plain words: the {@code error.message} of
 * Graph's envelope ({@link GraphError}, the type the services write it with) when there is one, otherwise what the
 * status means. Never shows the body as it came.
 */
public final class GraphErrors {

    // Graph adds fields of its own (details, innerError's others); what the page shows is code and message
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private GraphErrors() {
    }

    public static ServiceError of(String service, Response response) {
        int status = response.getStatus();
        String body = "";
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException e) {
            // an unreadable body: the status alone speaks
        }
        return of(service, status, body);
    }

    static ServiceError of(String service, int status, String body) {
        try {
            GraphError envelope = JSON.readValue(body == null ? "" : body, GraphError.class);
            GraphError.Body error = envelope == null ? null : envelope.error();
            if (error != null && error.message() != null && !error.message().isBlank()) {
                return new ServiceError(status, error.code() == null ? "" : error.code(), error.message());
            }
        } catch (Exception e) {
            // not Graph's envelope: fall through to the status
        }
        return new ServiceError(status, "", plainWords(service, status));
    }

    private static String plainWords(String service, int status) {
        return switch (status) {
            case 401 -> "Your sign-in has expired or is not valid any more. Sign in again.";
            case 403 -> "Your admin role does not allow this.";
            case 404 -> "Not found: it may have been deleted, or it belongs to another organization.";
            case 429 -> "The " + service + " service is busy. Wait a moment and try again.";
            default -> status >= 500
                    ? "The " + service + " service had a problem (HTTP " + status + "). Try again in a moment."
                    : "The " + service + " service refused the request (HTTP " + status + ").";
        };
    }
}
