package org.licenselifecycle.support.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * With an OTLP endpoint configured (deploy/k8s's prod overlay), {@link NoCollector} is out, Quarkus' OTLP exporter in,
 * and every span is recorded as the configured sampler says (parentbased_always_on). The endpoint here listens to
 * nobody: the test looks at the spans, not at what reaches a collector.
 */
@QuarkusTest
@TestProfile(TracingWithCollectorTest.WithEndpoint.class)
@WithTestResource(Rig.class)
class TracingWithCollectorTest {

    /** A collector named, and the test's in-memory exporter left out: the application's exporters as in prod. */
    public static class WithEndpoint implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.arc.exclude-types", InMemorySpans.class.getName(),
                    "quarkus.otel.exporter.otlp.endpoint", "http://127.0.0.1:9/");
        }
    }

    @Inject
    ConfiguredTracing tracing;

    @Test
    void withACollectorSpansAreRecorded() {
        assertThat(tracing.exporters()).noneMatch(NoCollector.class::isInstance);
        assertThat(tracing.spansGoNowhere()).isFalse();

        ConfiguredTracing.EndedSpan span = tracing.aRequestsSpan();

        assertThat(span.recording()).isTrue();
        assertThat(span.context().isSampled()).isTrue();
    }

    @Test
    void aRequestsSpanIsRecorded() {
        Response response = given().auth().oauth2(DevTokens.token(UUID.randomUUID(), DirectoryRole.LICENSE_ADMINISTRATOR))
                .get("/test/log-context");

        response.then().statusCode(200);
        assertThat(response.jsonPath().getString("traceId")).matches("[0-9a-f]{32}");
        assertThat(response.jsonPath().getString("recording")).isEqualTo("true");
    }
}
