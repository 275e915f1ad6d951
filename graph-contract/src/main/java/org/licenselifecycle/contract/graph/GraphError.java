package org.licenselifecycle.contract.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Graph's error envelope: {@code {"error":{"code","message","innerError":{...}}}}. */
public record GraphError(Body error) {

    /** The envelope of one failure at {@code now} (Graph gives the date to the second). */
    public static GraphError of(String code, String message, Instant now, String requestId, String clientRequestId) {
        return new GraphError(new Body(code, message,
                new InnerError(now.truncatedTo(ChronoUnit.SECONDS).toString(), requestId, clientRequestId)));
    }

    public record Body(String code, String message, InnerError innerError) {
    }

    public record InnerError(
            String date,
            @JsonProperty("request-id") String requestId,
            @JsonProperty("client-request-id") String clientRequestId) {
    }
}
