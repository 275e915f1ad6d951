package org.licenselifecycle.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The project's folders, found by walking up from the working directory (Maven runs a module in its own). */
final class ProjectRoot {

    private ProjectRoot() {
    }

    static Path path() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s/overlays")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No project root (a folder with pom.xml and deploy/k8s/overlays) above " + start);
    }

    static Path k8s() {
        return path().resolve("deploy/k8s");
    }

    /**
     * The operators' CRDs, kept beside the project (../shared/schemas/crds, or the folder named by the system property
     * {@code k8s.crds}) and not copied into it. Where they are not given (a plain clone of the project), the calling
     * test is skipped, saying so; with {@code -Dk8s.crds.required=true} (as .ci/run runs) it fails instead.
     */
    static Path crds() {
        return given("k8s.crds", "crds", "The Strimzi and CloudNativePG CRDs", "custom resources");
    }

    /**
     * The Prometheus Operator's CRDs (ServiceMonitor, PodMonitor, PrometheusRule), kept beside the project
     * (../shared/schemas/monitoring-crds, or the folder named by {@code k8s.monitoringCrds}); skipped or required as
     * {@link #crds()} is.
     */
    static Path monitoringCrds() {
        return given("k8s.monitoringCrds", "monitoring-crds", "The Prometheus Operator's CRDs", "monitoring objects");
    }

    /** The folder of CRDs the system property {@code property} names, else shared/schemas/{@code folder}. */
    private static Path given(String property, String folder, String what, String checked) {
        String given = System.getProperty(property, "");
        Path crds = given.isBlank() ? path().resolveSibling("shared").resolve("schemas/" + folder) : Path.of(given);
        if (!Files.isDirectory(crds)) {
            String message = what + " are not in " + crds + " (shared/schemas/" + folder
                    + " beside the project root, or -D" + property + "=<folder>)";
            if (Boolean.getBoolean("k8s.crds.required")) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort("Skipped: " + message + "; " + checked + " are validated only where the CRDs are given");
        }
        return crds;
    }
}
