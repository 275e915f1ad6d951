package org.licenselifecycle.support.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Where spans go while no OTLP collector is configured: nowhere. The services trace all the same (trace and span ids
 * in the logs, {@code traceparent} on the events), but export only once {@code quarkus.otel.exporter.otlp.endpoint}
 * names a collector (deploy/k8s's prod overlay sets it), so that a machine without one logs no export errors.
 *
 * <p>While this exporter is visible (the endpoint is Quarkus' default, {@value #DEFAULT_ENDPOINT}), Quarkus leaves
 * its OTLP exporter out: it installs one only when the application has no {@link SpanExporter} of its own. A collector
 * on the default address is named explicitly, e.g. {@code http://127.0.0.1:4317}.
 */
@Singleton
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.endpoint", stringValue = NoCollector.DEFAULT_ENDPOINT, lookupIfMissing = true)
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = NoCollector.DEFAULT_ENDPOINT, lookupIfMissing = true)
public class NoCollector implements SpanExporter {

    static final String DEFAULT_ENDPOINT = "http://localhost:4317/";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
