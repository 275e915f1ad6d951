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

    private static ManifestValidator instance;

    private final CustomResourceSchemas customResources;

    ManifestValidator(CustomResourceSchemas customResources) {
        this.customResources = customResources;
    }

    static synchronized ManifestValidator get() {
        if (instance == null) {
            instance = new ManifestValidator(CustomResourceSchemas.load(ProjectRoot.crds()));
        }
        return instance;
    }

    List<String> problems(JsonNode object) {
        if (!object.path("apiVersion").isTextual() || !object.path("kind").isTextual()) {
            return List.of("/: apiVersion and kind are required");
        }
        if (!object.path("metadata").path("name").isTextual()) {
            return List.of("/metadata/name: required");
        }
        if (customResources.knows(object)) {
            List<String> problems = new ArrayList<>(customResources.problems(object));
            NativeKinds.problems(object.path("metadata"), ObjectMeta.class).forEach(p -> problems.add("/metadata" + p));
            return problems;
        }
        Optional<? extends Class<?>> type = NativeKinds.typeOf(object);
        if (type.isPresent()) {
            return NativeKinds.problems(object, type.get());
        }
        return List.of("/: no schema for " + object.path("apiVersion").asText() + " " + object.path("kind").asText()
                + " (neither a Kubernetes kind fabric8 knows nor a CRD in " + ProjectRoot.crds() + ")");
    }
}
