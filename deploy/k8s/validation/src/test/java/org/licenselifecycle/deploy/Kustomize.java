package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize} and splits the output into its objects. A machine
 * without kubectl fails the build with a message saying so: the manifests would otherwise go unchecked.
 */
final class Kustomize {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<Path> USUAL_PLACES = List.of(Path.of("/usr/bin/kubectl"), Path.of("/usr/local/bin/kubectl"));

    private final Path kubectl;

    Kustomize(Path kubectl) {
        this.kubectl = kubectl;
    }

    /** kubectl from $KUBECTL, else the PATH, else its usual places. */
    static Kustomize onThisMachine() {
        return new Kustomize(locateKubectl(System.getenv(), USUAL_PLACES));
    }

    static Path locateKubectl(Map<String, String> env, List<Path> usualPlaces) {
        String explicit = env.get("KUBECTL");
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (Files.isExecutable(path)) {
                return path;
            }
            throw new AssertionError("KUBECTL=" + explicit + " is not an executable kubectl");
        }
        List<Path> candidates = new ArrayList<>();
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "kubectl"));
            }
        }
        candidates.addAll(usualPlaces);
        return candidates.stream().filter(Files::isExecutable).findFirst().orElseThrow(() -> new AssertionError(
                "kubectl not found (looked at $KUBECTL, the PATH and " + usualPlaces + "): the Kubernetes manifests"
                        + " in deploy/k8s cannot be rendered and validated. Install kubectl (1.32, it includes"
                        + " kustomize) or point KUBECTL at it."));
    }

    List<ObjectNode> render(Path kustomization) {
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", kustomization.toString())
                    .redirectError(err.toFile())
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + kustomization + " did not finish in 2 minutes");
            }
            String stderr = Files.readString(err);
            Files.deleteIfExists(err);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed (exit " + process.exitValue()
                        + "):\n" + stderr);
            }
            return split(out);
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + kubectl + " kustomize " + kustomization + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering " + kustomization, e);
        }
    }

    /** The objects of a multi-document YAML stream, in order. */
    static List<ObjectNode> split(String yaml) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(yaml)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document instanceof ObjectNode object) {
                    objects.add(object);
                } else if (document != null && !document.isNull() && !document.isMissingNode()) {
                    throw new IOException("Not a Kubernetes object: " + document);
                }
            }
        }
        return objects;
    }
}
