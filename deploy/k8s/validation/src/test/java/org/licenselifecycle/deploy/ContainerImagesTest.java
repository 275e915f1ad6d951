package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Images are named in one place, always with a tag that is not "latest", and built one way: by the build itself with
 * Quarkus' Jib extension (the three services and the admin console), which names them as components/images does and
 * tags them with the project version, only when asked.
 */
class ContainerImagesTest {

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyImageHasATagAndNoneIsLatest(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (ObjectNode object : manifests.objects()) {
            for (JsonNode image : object.findValues("image")) {
                if (image.isTextual()) {
                    assertTagged(overlay + " " + Manifests.describe(object), image.asText());
                }
            }
            for (JsonNode image : object.findValues("imageName")) {
                assertTagged(overlay + " " + Manifests.describe(object), image.asText());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void theServicesAndTheConsoleRunTheImagesNamedInComponentsImages(String overlay) throws IOException {
        Map<String, String> names = imageNames();
        assertThat(names).hasSameSizeAs(ServiceModule.all());
        for (JsonNode deployment : Overlays.rendered(overlay).ofKind("Deployment")) {
            String image = ServiceDeploymentsTest.container(deployment).path("image").asText();
            String repository = image.substring(0, image.lastIndexOf(':'));
            assertThat(repository).as(overlay + " " + Manifests.describe(deployment))
                    .isEqualTo(names.get(Manifests.name(deployment)));
        }
    }

    @Test
    void noOtherManifestNamesTheImageRepositories() throws IOException {
        Path k8s = ProjectRoot.k8s();
        Path component = k8s.resolve("components/images/kustomization.yaml");
        try (Stream<Path> files = Files.walk(k8s)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.equals(component))
                    .filter(f -> !f.startsWith(k8s.resolve("validation"))).toList()) {
                String text = Files.readString(file);
                for (String repository : imageNames().values()) {
                    assertThat(text).as(k8s.relativize(file).toString()).doesNotContain(repository);
                }
            }
        }
    }

    @Test
    void theBuildNamesEachImageAsComponentsImagesDoesWithJibAndNoDockerDaemon() throws IOException {
        Map<String, String> names = imageNames();
        Map<String, String> build = RootPom.properties();
        String prefix = build.get("quarkus.container-image.registry") + "/" + build.get("quarkus.container-image.group") + "/";
        for (ServiceModule service : ServiceModule.all()) {
            assertThat(Files.readString(service.folder().resolve("pom.xml"))).as(service.name())
                    .contains("<artifactId>quarkus-container-image-jib</artifactId>");
            // quarkus.container-image.name defaults to the application's name, the placeholder the Deployments use
            assertThat(service.setting("quarkus.container-image.name")).as(service.name()).isEmpty();
            assertThat(service.setting("quarkus.container-image.registry")).as(service.name()).isEmpty();
            assertThat(service.setting("quarkus.container-image.group")).as(service.name()).isEmpty();
            assertThat(service.setting("quarkus.container-image.tag")).as(service.name()).isEmpty();
            assertThat(prefix + service.name()).as(service.name()).isEqualTo(names.get(service.name()));
        }
    }

    @Test
    void imagesAreBuiltOnlyWhenAsked() {
        Map<String, String> build = RootPom.properties();
        assertThat(build).doesNotContainKeys("quarkus.container-image.build", "quarkus.container-image.push");
        for (ServiceModule service : ServiceModule.all()) {
            assertThat(service.setting("quarkus.container-image.build")).as(service.name()).isEmpty();
            assertThat(service.setting("quarkus.container-image.push")).as(service.name()).isEmpty();
        }
    }

    @Test
    void jibBuildsOnAPinnedUbiOpenJdk17RuntimeWithTheApplicationUnderDeploymentsAsUser185() {
        Map<String, String> build = RootPom.properties();
        String base = build.get("quarkus.jib.base-jvm-image");
        assertThat(base).contains("ubi9/openjdk-17-runtime:");
        assertTagged("quarkus.jib.base-jvm-image", base);
        assertThat(build.get("quarkus.jib.working-directory")).isEqualTo("/deployments");
        assertThat(build.get("quarkus.jib.user")).isEqualTo("185");
        for (ServiceModule service : ServiceModule.all()) {
            assertThat(service.setting("quarkus.jib.base-jvm-image")).as(service.name() + ": one base for all").isEmpty();
        }
    }

    @Test
    void devRunsTheImagesOfThisVersionAndProdAReleasedOne() throws IOException {
        String version = RootPom.version();
        Map<String, String> dev = imageTags("dev");
        Map<String, String> prod = imageTags("prod");
        assertThat(dev).as("overlays/dev/image-tags").hasSameSizeAs(ServiceModule.all()).allSatisfy((name, tag) ->
                assertThat(tag).as(name).isEqualTo(version));
        assertThat(prod).as("overlays/prod/image-tags").hasSameSizeAs(ServiceModule.all()).allSatisfy((name, tag) ->
                assertThat(tag).as(name).doesNotEndWith("-SNAPSHOT").matches("\\d+\\.\\d+\\.\\d+"));
    }

    @Test
    void aTagCheckRejectsLatestAndUntaggedImages() {
        assertThat(tagOf("registry.example.com/x/directory-service")).isEmpty();
        assertThat(tagOf("registry.example.com:5000/x/directory-service")).isEmpty();
        assertThat(tagOf("registry.example.com:5000/x/directory-service:latest")).isEqualTo("latest");
        assertThat(tagOf("registry.example.com:5000/x/directory-service:0.1.0")).isEqualTo("0.1.0");
    }

    private static void assertTagged(String what, String image) {
        String tag = tagOf(image);
        assertThat(tag).as(what + ": " + image + " needs a tag").isNotEmpty();
        assertThat(tag).as(what + ": " + image).isNotEqualToIgnoringCase("latest");
    }

    /** The tag of an image reference ("" when it has none); a registry's port is not a tag. */
    private static String tagOf(String image) {
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        return colon < 0 ? "" : lastSegment.substring(colon + 1);
    }

    /** placeholder name -> repository, from components/images. */
    private static Map<String, String> imageNames() throws IOException {
        Path component = ProjectRoot.k8s().resolve("components/images/kustomization.yaml");
        Map<String, String> names = new HashMap<>();
        for (ObjectNode kustomization : Kustomize.split(Files.readString(component))) {
            for (JsonNode image : kustomization.path("images")) {
                names.put(image.path("name").asText(), image.path("newName").asText());
            }
        }
        return names;
    }

    /** placeholder name -> tag, from overlays/{@code overlay}/image-tags. */
    private static Map<String, String> imageTags(String overlay) throws IOException {
        Path component = ProjectRoot.k8s().resolve("overlays/" + overlay + "/image-tags/kustomization.yaml");
        Map<String, String> tags = new HashMap<>();
        for (ObjectNode kustomization : Kustomize.split(Files.readString(component))) {
            for (JsonNode image : kustomization.path("images")) {
                tags.put(image.path("name").asText(), image.path("newTag").asText());
            }
        }
        return tags;
    }
}
