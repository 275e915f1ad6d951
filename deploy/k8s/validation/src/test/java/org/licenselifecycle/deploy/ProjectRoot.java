package org.licenselifecycle.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

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

    /** The operators' CRDs, kept beside the project (../shared/schemas/crds) and not copied into it. */
    static Path crds() {
        Path crds = path().resolveSibling("shared").resolve("schemas/crds");
        if (!Files.isDirectory(crds)) {
            throw new IllegalStateException("The Strimzi and CloudNativePG CRDs are expected in " + crds
                    + " (shared/ beside the project root), to validate the custom resources offline");
        }
        return crds;
    }
}
