package org.licenselifecycle.directory.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.groups.GroupChanges;

/**
 * Reads a Graph PATCH body of a group into {@link GroupChanges}, telling a property left out from one set to
 * {@code null}. A property of the wrong JSON type is a 400; properties this service does not keep, and read-only ones
 * such as {@code id}, are ignored; setting {@code onPremisesSyncEnabled}, which only the directory synchronization
 * sets, is Graph's 400 as for a user.
 */
final class GroupPatch {

    private GroupPatch() {
    }

    static GroupChanges read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object of the group's properties to update.");
        }
        PatchProperties.refuseOnPremisesSyncEnabled(body);
        return new GroupChanges(text(body, "displayName"), text(body, "description"), text(body, "mailNickname"));
    }

    private static Optional<String> text(JsonNode body, String property) {
        return PatchProperties.text(body, property, "Group");
    }
}
