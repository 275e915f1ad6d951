package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering fails loudly: without kubectl, or when a kustomization is broken, the build fails and says why. */
class KubectlTest {

    @Test
    void aMachineWithoutKubectlFailsTheBuildWithAClearMessage(@TempDir Path emptyDir) {
        assertThatThrownBy(() -> Kustomize.locateKubectl(Map.of("PATH", emptyDir.toString()), List.of(emptyDir.resolve("kubectl"))))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl not found")
                .hasMessageContaining("Install kubectl");
    }

    @Test
    void aKubectlNamedInKubectlThatIsNotThereFailsTheBuild(@TempDir Path emptyDir) {
        assertThatThrownBy(() -> Kustomize.locateKubectl(Map.of("KUBECTL", emptyDir.resolve("kubectl").toString()), List.of()))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("is not an executable kubectl");
    }

    @Test
    void aBrokenKustomizationFailsWithKubectlsOwnMessage(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kustomization.yaml"), "resources:\n  - missing.yaml\n");

        assertThatThrownBy(() -> Kustomize.onThisMachine().render(dir))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("kubectl kustomize")
                .hasMessageContaining("missing.yaml");
    }

    @Test
    void theRenderedStreamIsSplitIntoItsObjects() throws Exception {
        assertThat(Kustomize.split("a: 1\n---\nb: 2\n---\n")).hasSize(2);
    }
}
