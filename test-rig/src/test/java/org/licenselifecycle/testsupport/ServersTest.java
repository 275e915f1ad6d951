package org.licenselifecycle.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServersTest {

    private static final BooleanSupplier NO_ENGINE_TO_ASK = () -> {
        throw new AssertionError("asked whether Docker is reachable although the choice was forced");
    };

    @TempDir
    Path home;

    @Test
    void autoTakesContainersWhereAnEngineAnswersAndTheEmbeddedServersElsewhere() {
        assertThat(Servers.choose(null, () -> true)).isEqualTo(Servers.CONTAINERS);
        assertThat(Servers.choose("auto", () -> true)).isEqualTo(Servers.CONTAINERS);
        assertThat(Servers.choose(null, () -> false)).isEqualTo(Servers.EMBEDDED);
        assertThat(Servers.choose(" ", () -> false)).isEqualTo(Servers.EMBEDDED);
    }

    @Test
    void aForcedChoiceIsTakenWithoutAskingForAnEngine() {
        assertThat(Servers.choose("embedded", NO_ENGINE_TO_ASK)).isEqualTo(Servers.EMBEDDED);
        assertThat(Servers.choose("EMBEDDED", NO_ENGINE_TO_ASK)).isEqualTo(Servers.EMBEDDED);
        assertThat(Servers.choose("containers", NO_ENGINE_TO_ASK)).isEqualTo(Servers.CONTAINERS);
        assertThat(Servers.choose("testcontainers", NO_ENGINE_TO_ASK)).isEqualTo(Servers.CONTAINERS);
    }

    @Test
    void anUnknownChoiceIsRefusedNamingTheSettingAndTheChoices() {
        assertThatThrownBy(() -> Servers.choose("docker", NO_ENGINE_TO_ASK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.rig").hasMessageContaining("TEST_RIG")
                .hasMessageContaining("'docker'").hasMessageContaining("embedded, containers or auto");
    }

    @Test
    void nothingPointingAtAnEngineMeansNoneWithoutAskingTestcontainers() {
        assertThat(DockerEngine.anythingPointsAtOne(Map.of("XDG_RUNTIME_DIR", home.toString()), home)).isFalse();
    }

    @Test
    void dockerHostASocketOrATestcontainersHostEachPointAtAnEngine() throws IOException {
        assertThat(DockerEngine.anythingPointsAtOne(Map.of("DOCKER_HOST", "tcp://10.0.0.5:2375"), home)).isTrue();

        Path runtimeDir = Files.createDirectories(home.resolve("run"));
        Files.createFile(runtimeDir.resolve("docker.sock"));
        assertThat(DockerEngine.anythingPointsAtOne(Map.of("XDG_RUNTIME_DIR", runtimeDir.toString()), home)).isTrue();

        Path otherHome = Files.createDirectories(home.resolve("other"));
        Files.writeString(otherHome.resolve(".testcontainers.properties"), "tc.host=tcp://127.0.0.1:2375\n");
        assertThat(DockerEngine.anythingPointsAtOne(Map.of(), otherHome)).isTrue();
        Files.writeString(otherHome.resolve(".testcontainers.properties"), "ryuk.disabled=true\n");
        assertThat(DockerEngine.anythingPointsAtOne(Map.of(), otherHome)).isFalse();
    }

    /**
     * What CI runs: these machines have no Docker engine, so detection answers no, at once, and the rig is the
     * embedded one. Run where an engine is reachable, this says so instead of passing for the wrong reason.
     */
    @Test
    void onAMachineWithoutDockerDetectionAnswersNoQuicklyAndTheEmbeddedRigIsChosen() {
        boolean pointedAt = DockerEngine.anythingPointsAtOne(System.getenv(), Path.of(System.getProperty("user.home")));
        assumeFalse(pointedAt, "this machine points at a Docker engine");
        long start = System.nanoTime();
        boolean reachable = DockerEngine.reachable();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(reachable).isFalse();
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(Servers.choose(null, DockerEngine::reachable)).isEqualTo(Servers.EMBEDDED);
    }
}
