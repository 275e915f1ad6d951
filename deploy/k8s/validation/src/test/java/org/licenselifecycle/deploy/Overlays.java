package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** The overlays of deploy/k8s/overlays, each rendered once per test run. */
final class Overlays {

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static List<String> names() {
        Path overlays = ProjectRoot.k8s().resolve("overlays");
        try (Stream<Path> dirs = Files.list(overlays)) {
            List<String> names = dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
            if (names.isEmpty()) {
                throw new IllegalStateException("No overlay in " + overlays);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> {
            List<ObjectNode> objects = Kustomize.onThisMachine().render(ProjectRoot.k8s().resolve("overlays").resolve(name));
            return new Manifests(name, objects);
        });
    }
}
