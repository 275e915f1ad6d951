package org.licenselifecycle.directory.graph;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.licenselifecycle.directory.users.NewUser;
import org.licenselifecycle.directory.users.UserChanges;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * Reads a Graph PATCH body of a user into {@link UserChanges}, telling a property left out from one set
 * to {@code null}. Types are checked as strictly as for a create ({@link org.licenselifecycle.support.graph.StrictJson}); properties
 * this service does not keep, and read-only ones such as {@code id} or {@code @odata.type}, are ignored; setting
 * {@code onPremisesSyncEnabled}, which only the directory synchronization sets, is Graph's 400.
 */
final class UserPatch {

    private static final String RESOURCE = "User";

    private UserPatch() {
    }

    static UserChanges read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("The request body must be a JSON object of the user's properties to update.");
        }
        PatchProperties.refuseOnPremisesSyncEnabled(body);
        return new UserChanges(text(body, "displayName"), text(body, "givenName"), text(body, "surname"),
                text(body, "mail"), text(body, "userPrincipalName"), text(body, "usageLocation"),
                bool(body, "accountEnabled"), text(body, "jobTitle"), text(body, "department"),
                passwordProfile(body));
    }

    /** Graph's passwordProfile: a new password (required, checked later) and whether to change it at next sign-in. */
    @SuppressWarnings("OptionalAssignedToNull")
    private static Optional<NewUser.PasswordProfile> passwordProfile(JsonNode body) {
        JsonNode value = body.get("passwordProfile");
        if (value == null) {
            return null;
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw invalid("passwordProfile");
        }
        JsonNode password = value.path("password");
        JsonNode force = value.path("forceChangePasswordNextSignIn");
        if (!password.isMissingNode() && !password.isNull() && !password.isTextual()) {
            throw invalid("passwordProfile.password");
        }
        if (!force.isMissingNode() && !force.isNull() && !force.isBoolean()) {
            throw invalid("passwordProfile.forceChangePasswordNextSignIn");
        }
        return Optional.of(new NewUser.PasswordProfile(password.isTextual() ? password.textValue() : null,
                force.isBoolean() ? force.booleanValue() : null));
    }

    private static Optional<String> text(JsonNode body, String property) {
        return PatchProperties.text(body, property, RESOURCE);
    }

    private static Optional<Boolean> bool(JsonNode body, String property) {
        return PatchProperties.bool(body, property, RESOURCE);
    }

    private static GraphException invalid(String property) {
        return PatchProperties.invalid(property, RESOURCE);
    }
}
