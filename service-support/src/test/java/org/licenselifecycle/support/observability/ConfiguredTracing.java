package org.licenselifecycle.support.observability;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The application's tracing as its configuration made it, as the tracing tests read it: its span exporters,
 * {@link NoCollectorSampling}'s verdict, and whether a span started now is recorded.
 */
@ApplicationScoped
public class ConfiguredTracing {

    /** A span started and ended at once: whether it was recording while open, and the ids it was given. */
    public record EndedSpan(boolean recording, SpanContext context) {
    }

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Inject
    NoCollectorSampling sampling;

    @Inject
    Tracer tracer;

    public List<SpanExporter> exporters() {
        return exporters.stream().toList();
    }

    public boolean spansGoNowhere() {
        return sampling.spansGoNowhere();
    }

    /** Starts a span as the code starts one (a child of the current context, if any); the caller ends it. */
    public Span start(String name) {
        return tracer.spanBuilder(name).startSpan();
    }

    /** A span as an admin's request would have, started and ended at once. */
    public EndedSpan aRequestsSpan() {
        Span span = start("the admin's request");
        boolean recording = span.isRecording();
        span.end();
        return new EndedSpan(recording, span.getSpanContext());
    }
}
