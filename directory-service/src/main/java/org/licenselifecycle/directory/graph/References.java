package org.licenselifecycle.directory.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * Graph's references to directory objects, as {@code .../$ref} requests send them: the {@code $ref} segment and a
 * body {@code {"@odata.id": "<url>"}} whose URL (this service's own or graph.microsoft.com's, to a user or a
 * directoryObject) ends with the object's id. The one reader of both, for a manager and a group's members.
 */
final class References {

    private static final Pattern REFERENCE =
            Pattern.compile("^(?:https?://[^/]+)?(?:/v1\\.0)?/(?:users|directoryObjects)/([^/?#]+)$");

    private References() {
    }

    /** The {@code $ref} segment, matched as a template segment since a literal '$' in a path never matches here. */
    static void requireRef(String segment) {
        if (!"$ref".equals(segment)) {
            throw GraphException.notFound(segment);
        }
    }

    /**
     * The id the body's {@code @odata.id} names.
     *
     * @param example the reference a client should send, for the message when there is none
     */
    static String referencedId(JsonNode body, String example) {
        JsonNode reference = body == null ? null : body.get("@odata.id");
        if (reference == null || !reference.isTextual()) {
            throw GraphException.badRequest("A reference {\"@odata.id\": \"" + example + "\"} is required.");
        }
        Matcher matcher = REFERENCE.matcher(reference.textValue().trim());
        if (!matcher.matches()) {
            throw GraphException.badRequest("Invalid object identifier '" + reference.textValue() + "'.");
        }
        return matcher.group(1);
    }
}
