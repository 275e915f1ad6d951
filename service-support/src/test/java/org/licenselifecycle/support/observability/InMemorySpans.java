package org.licenselifecycle.support.observability;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The test application's spans, kept in memory (Quarkus' OpenTelemetry exports to every SpanExporter bean), so that a
 * test can see which trace a span belongs to. Tests that read it reset it first.
 */
public class InMemorySpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
