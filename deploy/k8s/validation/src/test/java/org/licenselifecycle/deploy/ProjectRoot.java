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
        String given = System.getProperty("k8s.crds", "");
        Path crds = given.isBlank() ? path().resolveSibling("shared").resolve("schemas/crds") : Path.of(given);
        if (!Files.isDirectory(crds)) {
            String message = "The Strimzi and CloudNativePG CRDs are not in " + crds
                    + " (shared/schemas/crds beside the project root, or -Dk8s.crds=<folder>)";
            if (Boolean.getBoolean("k8s.crds.required")) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort("Skipped: " + message + "; custom resources are validated only where the CRDs are given");
        }
        return crds;
    }

    /**
     * The Prometheus Operator's CRDs (ServiceMonitor, PodMonitor, PrometheusRule), kept beside the project
     * (../shared/schemas/monitoring-crds, or the folder named by {@code k8s.monitoringCrds}); skipped or required as
     * {@link #crds()} is.
     */
    static Path monitoringCrds() {
        String given = System.getProperty("k8s.monitoringCrds", "");
        Path crds = given.isBlank() ? path().resolveSibling("shared").resolve("schemas/monitoring-crds") : Path.of(given);
        if (!Files.isDirectory(crds)) {
            String message = "The Prometheus Operator's CRDs are not in " + crds
                    + " (shared/schemas/monitoring-crds beside the project root, or -Dk8s.monitoringCrds=<folder>)";
            if (Boolean.getBoolean("k8s.crds.required")) {
                throw new IllegalStateException(message);
            }
            Assumptions.abort("Skipped: " + message + "; monitoring objects are validated only where the CRDs are given");
        }
        return crds;
    }
}
