package org.licenselifecycle.testsupport;

import java.util.UUID;

/**
 * A caller's W3C trace context with fresh ids, as a test sends it in a request's or a record's {@code traceparent}
 * header (flag 01: the caller recorded its span), to see that the service continues that trace.
 */
public record TraceParent(String traceId, String spanId) {

    public static TraceParent random() {
        return new TraceParent(UUID.randomUUID().toString().replace("-", ""),
                UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    /** The header's value. */
    public String header() {
        return "00-" + traceId + "-" + spanId + "-01";
    }
}
