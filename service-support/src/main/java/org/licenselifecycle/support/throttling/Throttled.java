package org.licenselifecycle.support.throttling;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * Graph's 429: the caller sent more than a quota allows and should wait {@code Retry-After} seconds, as the Graph
 * SDKs' retry handlers do. Like Graph's identity services it says which quota was spent in
 * {@code x-ms-throttle-scope} ({@code <Scope>/<Limit>/<ApplicationId>/<TenantId>}) and why in
 * {@code x-ms-throttle-information}.
 */
public class Throttled extends GraphException {

    private final Duration retryAfter;
    private final Map<String, String> headers;

    Throttled(Duration retryAfter, String scope, String information) {
        super(429, GraphErrorCodes.TOO_MANY_REQUESTS, "Too many requests. Please retry after " + retryAfter.toSeconds()
                + " seconds.");
        this.retryAfter = retryAfter;
        this.headers = Map.of("x-ms-throttle-scope", scope, "x-ms-throttle-information", information);
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(retryAfter);
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }
}
