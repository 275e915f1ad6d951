package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Validates one rendered object offline: a custom resource against its CRD's schema (and its metadata against
 * fabric8's ObjectMeta, since CRDs leave metadata open), a native object against fabric8's typed model. An
 * object of a kind neither knows is a problem too: nothing rendered goes unchecked.
 */
final class ManifestValidator {

    private static final ManifestValidator INSTANCE = new ManifestValidator();

    // loaded at the first custom resource, so that native objects are checked where the CRDs are not given
    private CustomResourceSchemas customResources;
    private CustomResourceSchemas monitoring;

    private ManifestValidator() {
    }

    static ManifestValidator get() {
        return INSTANCE;
    }

    /** The CRDs' schemas; skips the calling test where the CRDs are not given (see {@link ProjectRoot#crds()}). */
    private synchronized CustomResourceSchemas customResources() {
        if (customResources == null) {
            customResources = CustomResourceSchemas.load(ProjectRoot.crds());
        }
        return customResources;
    }

    /** The Prometheus Operator's CRDs' schemas; skips the calling test where they are not given. */
    private synchronized CustomResourceSchemas monitoring() {
        if (monitoring == null) {
            monitoring = CustomResourceSchemas.load(ProjectRoot.monitoringCrds());
        }
        return monitoring;
    }

    List<String> problems(JsonNode object) {
        if (!object.path("apiVersion").isTextual() || !object.path("kind").isTextual()) {
            return List.of("/: apiVersion and kind are required");
        }
        if (!object.path("metadata").path("name").isTextual()) {
            return List.of("/metadata/name: required");
        }
        Optional<? extends Class<?>> type = NativeKinds.typeOf(object);
        if (type.isPresent()) {
            return NativeKinds.problems(object, type.get());
        }
        boolean monitoringKind = object.path("apiVersion").asText().startsWith("monitoring.coreos.com/");
        CustomResourceSchemas customResources = monitoringKind ? monitoring() : customResources();
        if (customResources.knows(object)) {
            List<String> problems = new ArrayList<>(customResources.problems(object));
            NativeKinds.problems(object.path("metadata"), ObjectMeta.class).forEach(p -> problems.add("/metadata" + p));
            return problems;
        }
        return List.of("/: no schema for " + object.path("apiVersion").asText() + " " + object.path("kind").asText()
                + " (neither a Kubernetes kind fabric8 knows nor a CRD in "
                + (monitoringKind ? ProjectRoot.monitoringCrds() : ProjectRoot.crds()) + ")");
    }
}
