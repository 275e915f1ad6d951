package org.licenselifecycle.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * Without a configured OTLP endpoint (tests, a developer's machine) {@link NoCollector} is one of the application's
 * span exporters, which is what keeps Quarkus from installing its OTLP exporter (the console's NoCollectorTest sees
 * that exporter left out, in an application without this module's in-memory test exporter).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class NoCollectorTest {

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void withoutAConfiguredEndpointNoCollectorIsAnExporter() {
        assertThat(exporters.stream()).anySatisfy(exporter -> assertThat(exporter).isInstanceOf(NoCollector.class));
    }
}
