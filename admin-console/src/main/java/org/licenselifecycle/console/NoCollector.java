package org.licenselifecycle.console;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.inject.Singleton;
import java.util.Collection;

/**
 * Where the console's spans go while no OTLP collector is configured: nowhere, as service-support's
 * {@code observability.NoCollector} does for the services (the console does not depend on service-support). The
 * console traces all the same (its REST clients send {@code traceparent} to the services), and exports once
 * {@code quarkus.otel.exporter.otlp.endpoint} names a collector; Quarkus installs its OTLP exporter only when the
 * application has no {@link SpanExporter} of its own.
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
