package org.licenselifecycle.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Optional;

/**
 * Validates native Kubernetes objects against fabric8's typed model, strictly: an unknown or misplaced field
 * (which fabric8 normally keeps in "additionalProperties"), a string where a number belongs or a number where
 * a string belongs (an unquoted env value) is a problem, as it is for the API server's strict field validation.
 */
final class NativeKinds {

    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();
    private static final ObjectMapper STRICT = strictMapper();

    private NativeKinds() {
    }

    /** fabric8's class for the object's apiVersion and kind, empty when it knows no such kind. */
    static Optional<Class<? extends KubernetesResource>> typeOf(JsonNode object) {
        String header = "{\"apiVersion\":" + object.path("apiVersion") + ",\"kind\":" + object.path("kind") + "}";
        KubernetesResource typed = FABRIC8.unmarshal(header);
        return typed == null || typed instanceof GenericKubernetesResource
                ? Optional.empty()
                : Optional.of(typed.getClass());
    }

    static List<String> problems(JsonNode object, Class<?> type) {
        try {
            STRICT.treeToValue(object, type);
            return List.of();
        } catch (JsonMappingException e) {
            return List.of(pointer(e) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (JsonProcessingException e) {
            return List.of(e.getOriginalMessage());
        }
    }

    /** Where the problem is, as a JSON pointer into the object (/spec/template/spec/containers/0/...). */
    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            pointer.append('/').append(reference.getFieldName() != null ? reference.getFieldName() : reference.getIndex());
        }
        return pointer.isEmpty() ? "/" : pointer.toString();
    }

    private static ObjectMapper strictMapper() {
        SimpleModule noAnySetters = new SimpleModule().setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                    BeanDeserializerBuilder builder) {
                // fabric8's model classes collect unknown fields with @JsonAnySetter; without it they fail.
                if (description.getBeanClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
                    builder.setAnySetter(null);
                }
                return builder;
            }
        });
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(noAnySetters)
                .build();
        for (CoercionInputShape scalar : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        return mapper;
    }
}
