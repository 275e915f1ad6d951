package org.licenselifecycle.support.outbox;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) an outbox event keeps from the span that wrote it:
 * the relay publishes the event as a child of that span, so that the Kafka record's {@code traceparent} header, and
 * the consumers' processing, stay in the trace of the admin's request although they run later, on other threads.
 *
 * @param traceParent null when the event was written outside any trace
 */
public record TraceContext(String traceParent, String traceState) {

    private static final String TRACE_PARENT = "traceparent";
    private static final String TRACE_STATE = "tracestate";
    private static final TraceContext NONE = new TraceContext(null, null);

    /** The context of the current span (none when no span is current or tracing is off). */
    public static TraceContext current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.containsKey(TRACE_PARENT) ? new TraceContext(carrier.get(TRACE_PARENT), carrier.get(TRACE_STATE)) : NONE;
    }

    public boolean present() {
        return traceParent != null;
    }

    /** The context to continue the trace in: the written span as the remote parent (root when there is none). */
    public Context context() {
        Map<String, String> carrier = new HashMap<>(2);
        if (traceParent != null) {
            carrier.put(TRACE_PARENT, traceParent);
        }
        if (traceState != null) {
            carrier.put(TRACE_STATE, traceState);
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), carrier, MapGetter.INSTANCE);
    }

    private enum MapGetter implements TextMapGetter<Map<String, String>> {
        INSTANCE;

        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    }
}
