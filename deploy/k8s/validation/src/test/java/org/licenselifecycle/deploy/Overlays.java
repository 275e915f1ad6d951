package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The overlays of deploy/k8s/overlays, each rendered once per test run, as a fresh clone would render them: from a
 * copy of deploy/k8s without the files git ignores (an overlay's {@code keys/}), in which each overlay's
 * {@code generate-keys} has made a throwaway key pair, as the README asks before the first apply.
 */
final class Overlays {

    /** What an overlay's generate-keys makes, and git ignores: never copied from the working tree. */
    static final String GENERATED_KEYS = "keys";
    static final String GENERATE_KEYS = "generate-keys";

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static Path copy;

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

    /** The overlays whose admin console has an Ingress (a host of its own, OIDC sign-in): prod. */
    static List<String> withAConsoleHost() {
        return names().stream().filter(name -> rendered(name).find("Ingress", AdminConsole.NAME).isPresent()).toList();
    }

    static Manifests rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> {
            List<ObjectNode> objects = Kustomize.onThisMachine().render(freshCopy().resolve("overlays").resolve(name));
            return new Manifests(name, objects);
        });
    }

    /** deploy/k8s as a fresh clone has it, after each overlay's generate-keys ran. */
    private static synchronized Path freshCopy() {
        if (copy == null) {
            try {
                Path k8s = ProjectRoot.k8s();
                Path target = Files.createTempDirectory("k8s-overlays-");
                try (Stream<Path> files = Files.walk(k8s)) {
                    for (Path file : files.filter(f -> !f.equals(k8s)).toList()) {
                        Path relative = k8s.relativize(file);
                        if (relative.startsWith("validation") || isGenerated(relative)) {
                            continue;
                        }
                        Files.copy(file, target.resolve(relative.toString()), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
                for (String name : names()) {
                    Path script = target.resolve("overlays").resolve(name).resolve(GENERATE_KEYS);
                    if (Files.isRegularFile(script)) {
                        run(script);
                    }
                }
                copy = target;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(target)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return copy;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temporary directory left behind: the system's to clean
        }
    }

    /** overlays/<name>/keys/...: what generate-keys makes in a checkout. */
    private static boolean isGenerated(Path relative) {
        return relative.getNameCount() >= 3 && relative.getName(0).toString().equals("overlays")
                && relative.getName(2).toString().equals(GENERATED_KEYS);
    }

    private static void run(Path script) {
        try {
            Process process = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(1, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new AssertionError(script + " failed, so the overlay cannot be rendered as the README says:\n" + output);
            }
        } catch (IOException e) {
            throw new AssertionError("Cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while running " + script, e);
        }
    }
}
