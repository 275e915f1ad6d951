package org.licenselifecycle.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine is reachable, for {@link Servers}. Testcontainers answers for sure, but where nothing
 * points at an engine it spends a while trying every way it knows and logs an error for each: so it is asked only
 * when something does (a {@code DOCKER_HOST}, a {@code ~/.testcontainers.properties} naming a host, or one of the
 * sockets Docker, rootless Docker, Docker Desktop, Rancher Desktop or Colima listen on). Where none does, as on
 * the CI machines, the answer is no at once, quietly, and no Testcontainers class is loaded.
 */
final class DockerEngine {

    private DockerEngine() {
    }

    /** Whether a Docker engine answers, asking Testcontainers only where something points at one. */
    static boolean reachable() {
        return anythingPointsAtOne(System.getenv(), Path.of(System.getProperty("user.home")))
                && DockerClientFactory.instance().isDockerAvailable();
    }

    /** Whether {@code environment} or the files under {@code home} (and the system's socket) point at an engine. */
    static boolean anythingPointsAtOne(Map<String, String> environment, Path home) {
        if (isSet(environment.get("DOCKER_HOST")) || namesAHost(home.resolve(".testcontainers.properties"))) {
            return true;
        }
        return sockets(environment, home).anyMatch(Files::exists);
    }

    private static Stream<Path> sockets(Map<String, String> environment, Path home) {
        Stream<Path> fixed = Stream.of(Path.of("/var/run/docker.sock"), home.resolve(".docker/run/docker.sock"),
                home.resolve(".docker/desktop/docker.sock"), home.resolve(".rd/docker.sock"),
                home.resolve(".colima/default/docker.sock"));
        String runtimeDir = environment.get("XDG_RUNTIME_DIR");
        return isSet(runtimeDir) ? Stream.concat(fixed, Stream.of(Path.of(runtimeDir, "docker.sock"))) : fixed;
    }

    private static boolean namesAHost(Path properties) {
        if (!Files.isRegularFile(properties)) {
            return false;
        }
        Properties settings = new Properties();
        try (InputStream in = Files.newInputStream(properties)) {
            settings.load(in);
        } catch (IOException e) {
            return false;
        }
        return List.of("docker.host", "tc.host", "docker.client.strategy").stream()
                .anyMatch(key -> isSet(settings.getProperty(key)));
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
