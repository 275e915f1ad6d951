package org.licenselifecycle.support.observability;

import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.quarkus.arc.Unremovable;
import io.quarkus.opentelemetry.runtime.AutoConfiguredOpenTelemetrySdkBuilderCustomizer;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

/**
 * Records no span while spans would go nowhere: when {@link NoCollector} is the application's only span exporter (no
 * OTLP endpoint configured: the local runner, a developer's machine), every span is sampled out
 * ({@link Sampler#alwaysOff()}), so that a request, a Kafka record or an Inbox pass costs no attributes, events,
 * span data or batch queue. The spans still exist as contexts with their ids: the logs' MDC keeps its traceId and
 * spanId, the outbox rows their {@code traceparent} (flag 00, not sampled) and the Kafka records their header, so
 * that one trace id still follows an unassign through the services' logs.
 *
 * <p>With a collector configured (NoCollector not present), or another exporter beside it (the tests' in-memory
 * one), the configured sampler ({@code quarkus.otel.traces.sampler}, parentbased_always_on) is left as it is.
 */
@Singleton
@Unremovable
public class NoCollectorSampling implements AutoConfiguredOpenTelemetrySdkBuilderCustomizer {

    private final boolean spansGoNowhere;

    NoCollectorSampling(@Any Instance<SpanExporter> exporters) {
        this.spansGoNowhere = exporters.stream().findAny().isPresent()
                && exporters.stream().allMatch(NoCollector.class::isInstance);
    }

    /** True when spans are sampled out because nothing would take them. */
    public boolean spansGoNowhere() {
        return spansGoNowhere;
    }

    @Override
    public void customize(AutoConfiguredOpenTelemetrySdkBuilder builder) {
        if (spansGoNowhere) {
            // Whatever runs before or after (Quarkus' own sampler customizer wraps the sampler it is given, or a
            // Sampler bean, in its drop-targets sampler), the result samples nothing.
            builder.addSamplerCustomizer((configured, properties) -> Sampler.alwaysOff());
        }
    }
}
