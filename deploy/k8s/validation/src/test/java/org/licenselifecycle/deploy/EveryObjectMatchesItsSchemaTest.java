package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every object every overlay renders is valid for its kind: one test per object. */
class EveryObjectMatchesItsSchemaTest {

    @TestFactory
    Stream<DynamicTest> everyRenderedObjectIsValidForItsKind() {
        ManifestValidator validator = ManifestValidator.get();
        return Overlays.names().stream().flatMap(overlay -> Overlays.rendered(overlay).objects().stream()
                .map(object -> DynamicTest.dynamicTest(overlay + ": " + Manifests.describe(object),
                        () -> assertThat(validator.problems(object))
                                .as("%s %s", overlay, Manifests.describe(object))
                                .isEmpty())));
    }

    @Test
    void theSchemasOfAllFiveCustomResourceKindsAreLoaded() {
        // Kafka, KafkaNodePool, KafkaTopic (v1) and Cluster, Database (v1)
        assertThat(CustomResourceSchemas.load(ProjectRoot.crds()).size()).isEqualTo(5);
    }

    @Test
    void theSchemasOfTheThreeMonitoringKindsAreLoadedAndProdRendersAMonitorPerAppAndTheAlerts() {
        // ServiceMonitor, PodMonitor, PrometheusRule (monitoring.coreos.com/v1)
        assertThat(CustomResourceSchemas.load(ProjectRoot.monitoringCrds()).size()).isEqualTo(3);
        Manifests prod = Overlays.rendered("prod");
        assertThat(prod.ofKind("PodMonitor")).hasSize(4);
        assertThat(prod.ofKind("PrometheusRule")).hasSize(1);
        assertThat(prod.find("ConfigMap", "license-lifecycle-dashboard")).isPresent();
    }

    @Test
    void everyOverlayRendersTheServicesTheConsoleKafkaAndPostgres() {
        for (String overlay : Overlays.names()) {
            Manifests manifests = Overlays.rendered(overlay);
            assertThat(manifests.serviceDeployments()).as(overlay).hasSize(3);
            assertThat(manifests.find("Deployment", AdminConsole.NAME)).as(overlay).isPresent();
            assertThat(manifests.ofKind("Deployment")).as(overlay).hasSize(4);
            assertThat(manifests.ofKind("Kafka")).as(overlay).hasSize(1);
            assertThat(manifests.ofKind("Cluster")).as(overlay).hasSize(1);
            assertThat(manifests.ofKind("Database")).as(overlay).hasSize(3);
        }
        assertThat(Overlays.names()).contains("dev", "prod");
    }
}
