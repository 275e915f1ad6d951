package org.licenselifecycle.lifecycle.users;

import java.util.UUID;
import java.util.regex.Pattern;
import org.licenselifecycle.contract.graph.GraphException;

/** Reads a user id from a URL the way Graph does: a GUID, or a 400 {@code Request_BadRequest}. */
public final class UserIds {

    // UUID.fromString alone would take "1-2-3-4-5"; Graph wants the canonical 8-4-4-4-12 form
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private UserIds() {
    }

    public static UUID parse(String userId) {
        if (userId == null || !GUID.matcher(userId).matches()) {
            throw GraphException.badRequest("Invalid object identifier '" + userId + "'.");
        }
        return UUID.fromString(userId);
    }
}
