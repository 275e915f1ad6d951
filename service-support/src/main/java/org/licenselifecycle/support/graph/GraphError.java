package org.licenselifecycle.support.graph;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Graph's error envelope: {@code {"error":{"code","message","innerError":{...}}}}. */
public record GraphError(Body error) {

    public record Body(String code, String message, InnerError innerError) {
    }

    public record InnerError(
            String date,
            @JsonProperty("request-id") String requestId,
            @JsonProperty("client-request-id") String clientRequestId) {
    }
}
