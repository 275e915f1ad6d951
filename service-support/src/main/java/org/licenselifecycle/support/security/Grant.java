package org.licenselifecycle.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * What a bearer token lets its caller do, read as Entra ID issues tokens. An application's own token (app-only,
 * client credentials) carries {@code idtyp: app} and its application permissions in {@code roles}, and no
 * {@code scp}; a token of a signed-in user (delegated) carries the scopes the application was granted in
 * {@code scp} (space-separated). Both carry the directory roles of their principal in {@code wids}: the signed-in
 * admin's, or those assigned to the application's service principal. In a delegated token {@code roles} holds app
 * roles assigned to the user, which are no application permissions and are ignored here.
 *
 * @param appOnly whether the application calls as itself, with no signed-in user
 * @param scopes the delegated scopes ({@code scp}); empty for an app-only token
 * @param applicationPermissions the application permissions ({@code roles}); empty for a delegated token
 * @param directoryRoles the principal's directory roles ({@code wids}) that this system knows
 * @param applicationId the calling application ({@code azp} of v2.0 tokens, {@code appid} of v1.0), if named
 */
public record Grant(boolean appOnly, Set<String> scopes, Set<String> applicationPermissions,
        Set<DirectoryRole> directoryRoles, Optional<String> applicationId) {

    /** The identity attribute that holds the caller's grant ({@link EntraTokenAugmentor}). */
    public static final String ATTRIBUTE = "license-lifecycle.grant";

    public Grant {
        scopes = Set.copyOf(scopes);
        applicationPermissions = Set.copyOf(applicationPermissions);
        directoryRoles = directoryRoles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(directoryRoles));
    }

    /** How a token's grant is read ({@link VerifiedToken#derived}'s key). */
    private static final Function<JsonWebToken, Grant> READ = Grant::read;

    /** The grant of a verified token (read once per token {@link VerifiedTokenCache} keeps). */
    public static Grant of(JsonWebToken token) {
        return VerifiedToken.derived(token, READ);
    }

    private static Grant read(JsonWebToken token) {
        Object scp = token.getClaim("scp");
        // Entra ID names an app-only token with idtyp=app (optional claim); without it, a token with no scp is one
        boolean appOnly = "app".equals(text(token.getClaim("idtyp")))
                || (token.getClaim("idtyp") == null && scp == null);
        Set<String> scopes = appOnly ? Set.of() : words(text(scp));
        Set<String> permissions = appOnly ? strings(token.getClaim("roles")) : Set.of();
        Set<DirectoryRole> roles = strings(token.getClaim("wids")).stream()
                .flatMap(id -> DirectoryRole.ofTemplateId(id).stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DirectoryRole.class)));
        Optional<String> application = Optional.ofNullable(text(token.getClaim("azp")))
                .or(() -> Optional.ofNullable(text(token.getClaim("appid"))));
        return new Grant(appOnly, scopes, permissions, roles, application);
    }

    /** The grant {@link EntraTokenAugmentor} gave this identity; none (nothing allowed) for an anonymous one. */
    public static Grant of(SecurityIdentity identity) {
        Grant grant = identity.getAttribute(ATTRIBUTE);
        return grant != null ? grant : new Grant(false, Set.of(), Set.of(), Set.of(), Optional.empty());
    }

    /** Whether the caller holds at least one of {@code roles}. */
    public boolean holdsAnyOf(Collection<DirectoryRole> roles) {
        return roles.stream().anyMatch(directoryRoles::contains);
    }

    /** Whether the caller holds any directory role this system knows (acts as an admin). */
    public boolean isAdmin() {
        return !directoryRoles.isEmpty();
    }

    private static String text(Object claim) {
        if (claim instanceof JsonString string) {
            return string.getString();
        }
        return claim == null || claim == JsonValue.NULL ? null : claim.toString().replace("\"", "");
    }

    private static Set<String> words(String value) {
        return value == null || value.isBlank() ? Set.of()
                : Arrays.stream(value.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> strings(Object claim) {
        if (claim instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString())
                    .collect(Collectors.toUnmodifiableSet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        // a lone role is still a role: some issuers write a one-element array as a string
        String single = text(claim);
        return single == null || single.isBlank() ? Set.of() : Set.of(single);
    }
}
