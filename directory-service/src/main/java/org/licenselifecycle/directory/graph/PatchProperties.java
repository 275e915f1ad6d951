package org.licenselifecycle.directory.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * One property of a Graph PATCH body as every PATCH here reads it: null when the body leaves it out, empty when it
 * sets it to null, its value otherwise; a value of the wrong JSON type is Graph's 400 naming the property and the
 * resource ({@code User}, {@code Group}).
 */
final class PatchProperties {

    private PatchProperties() {
    }

    @SuppressWarnings("OptionalAssignedToNull")
    static Optional<String> text(JsonNode body, String property, String resource) {
        JsonNode value = body.get(property);
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw invalid(property, resource);
        }
        return Optional.of(value.textValue());
    }

    @SuppressWarnings("OptionalAssignedToNull")
    static Optional<Boolean> bool(JsonNode body, String property, String resource) {
        JsonNode value = body.get(property);
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw invalid(property, resource);
        }
        return Optional.of(value.booleanValue());
    }

    static GraphException invalid(String property, String resource) {
        return GraphException.badRequest("Invalid value specified for property '" + property + "' of resource '"
                + resource + "'.");
    }
}
