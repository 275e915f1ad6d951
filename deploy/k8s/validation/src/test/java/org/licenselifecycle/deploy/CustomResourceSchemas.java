package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The openAPIV3Schema of each served version of the CRDs in a folder, made into JSON schemas that judge a
 * custom resource as {@code kubectl apply} (strict field validation) would:
 * <ul>
 * <li>an object schema with properties and without {@code x-kubernetes-preserve-unknown-fields} admits no other
 * field (the API server would reject it, or with lax validation silently drop it);</li>
 * <li>{@code nullable: true} admits null; {@code x-kubernetes-int-or-string} admits an integer or a string;</li>
 * <li>the other {@code x-kubernetes-*} keywords describe merging and CEL rules, OpenAPI's {@code example} is
 * documentation; they are known and not checked (CEL rules such as "immutable" need the old object and a
 * server).</li>
 * </ul>
 * OpenAPI v3.0 schemas are draft 4 JSON schemas plus these extensions, so draft 4 semantics apply.
 */
final class CustomResourceSchemas {

    private static final String META_SCHEMA = "https://license-lifecycle.invalid/kubernetes-structural-schema";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<String, JsonSchema> byApiVersionAndKind;

    private CustomResourceSchemas(Map<String, JsonSchema> byApiVersionAndKind) {
        this.byApiVersionAndKind = byApiVersionAndKind;
    }

    static CustomResourceSchemas load(Path folder) {
        JsonMetaSchema kubernetes = JsonMetaSchema.builder(META_SCHEMA, JsonMetaSchema.getV4())
                .keywords(Stream.of("example", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-int-or-string",
                        "x-kubernetes-embedded-resource", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
                        "x-kubernetes-map-type", "x-kubernetes-validations")
                        .map(NonValidationKeyword::new).toList())
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4))
                .metaSchema(kubernetes)
                .defaultMetaSchemaIri(META_SCHEMA)
                .build();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
        Map<String, JsonSchema> schemas = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (ObjectNode crd : Kustomize.split(Files.readString(file))) {
                    if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                        continue;
                    }
                    String group = crd.at("/spec/group").asText();
                    String kind = crd.at("/spec/names/kind").asText();
                    for (JsonNode version : crd.at("/spec/versions")) {
                        JsonNode schema = version.at("/schema/openAPIV3Schema");
                        if (version.path("served").asBoolean() && schema.isObject()) {
                            JsonNode structural = asJsonSchema(schema.deepCopy());
                            schemas.put(key(group + "/" + version.path("name").asText(), kind),
                                    factory.getSchema(structural, config));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CRDs in " + folder, e);
        }
        return new CustomResourceSchemas(schemas);
    }

    boolean knows(JsonNode object) {
        return byApiVersionAndKind.containsKey(key(object));
    }

    int size() {
        return byApiVersionAndKind.size();
    }

    /** The schema's complaints about a custom resource; empty for a valid one. */
    List<String> problems(JsonNode object) {
        JsonSchema schema = Optional.ofNullable(byApiVersionAndKind.get(key(object)))
                .orElseThrow(() -> new IllegalArgumentException("No CRD for " + key(object)));
        return schema.validate(object).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static String key(JsonNode object) {
        return key(object.path("apiVersion").asText(), object.path("kind").asText());
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    /** Rewrites a structural schema, in place, into the JSON schema that validates like the API server. */
    static JsonNode asJsonSchema(JsonNode schema) {
        if (!(schema instanceof ObjectNode node)) {
            return schema;
        }
        if (node.path("nullable").asBoolean(false) && node.path("type").isTextual()) {
            ArrayNode types = JSON.arrayNode().add(node.path("type").asText()).add("null");
            node.set("type", types);
        }
        node.remove("nullable");
        if (node.path("x-kubernetes-int-or-string").asBoolean(false) && !node.has("anyOf") && !node.has("oneOf")) {
            node.remove("type");
            node.set("anyOf", JSON.arrayNode()
                    .add(JSON.objectNode().put("type", "integer"))
                    .add(JSON.objectNode().put("type", "string")));
        }
        boolean keepsUnknownFields = node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (node.has("properties") && !node.has("additionalProperties") && !keepsUnknownFields) {
            node.put("additionalProperties", false);
        }
        for (String each : List.of("properties", "patternProperties")) {
            Iterator<JsonNode> children = node.path(each).elements();
            while (children.hasNext()) {
                asJsonSchema(children.next());
            }
        }
        for (String one : List.of("items", "additionalProperties", "not")) {
            asJsonSchema(node.path(one));
        }
        for (String many : List.of("allOf", "anyOf", "oneOf")) {
            node.path(many).forEach(CustomResourceSchemas::asJsonSchema);
        }
        return node;
    }
}
