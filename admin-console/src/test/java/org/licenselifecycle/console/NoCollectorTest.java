package org.licenselifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.SpanProcessor;
import io.quarkus.arc.All;
import io.quarkus.opentelemetry.runtime.exporter.otlp.tracing.RemoveableLateBoundSpanProcessor;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without a configured OTLP endpoint (as in tests and on a developer's machine) Quarkus' OTLP exporter is left out, so
 * nothing tries to reach a collector that is not there: {@link NoCollector} is the application's exporter.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class NoCollectorTest {

    @Inject
    @All
    List<SpanProcessor> processors;

    @Test
    void withoutAConfiguredEndpointNoSpanGoesToACollector() {
        assertThat(processors).as("Quarkus' OTLP span processor, removed").isNotEmpty()
                .allSatisfy(processor -> assertThat(processor).isInstanceOf(RemoveableLateBoundSpanProcessor.class));
    }
}
