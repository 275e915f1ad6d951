package org.licenselifecycle.directory.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.users.UserValidation;

/**
 * One property of a Graph PATCH body as every PATCH here reads it: null when the body leaves it out, empty when it
 * sets it to null, its value otherwise; a value of the wrong JSON type is Graph's 400 naming the property and the
 * resource ({@code User}, {@code Group}).
 */
final class PatchProperties {

    private PatchProperties() {
    }

    /**
     * Graph's 400 for a PATCH (of a user or a group) that sets {@code onPremisesSyncEnabled}, even to its current
     * value: only the directory synchronization sets it.
     */
    static void refuseOnPremisesSyncEnabled(JsonNode body) {
        if (body.hasNonNull(UserValidation.ON_PREMISES_SYNC_ENABLED)) {
            throw UserValidation.readOnly(UserValidation.ON_PREMISES_SYNC_ENABLED);
        }
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
