package org.licenselifecycle.console.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * The claims of an access token the console reads to shape its pages (tid, oid, name, wids, exp). The
 * console does not verify the signature: it never grants anything itself; every service it calls verifies
 * the token and refuses what the roles do not allow.
 */
public record TokenClaims(String tenantId, String objectId, String name, Set<DirectoryRole> roles, Instant expiresAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The claims of a JWT, or empty when it is not one. */
    public static Optional<TokenClaims> of(String jwt) {
        if (jwt == null) {
            return Optional.empty();
        }
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            Set<DirectoryRole> roles = EnumSet.noneOf(DirectoryRole.class);
            payload.path("wids").forEach(wid -> DirectoryRole.ofTemplateId(wid.asText()).ifPresent(roles::add));
            String name = payload.hasNonNull("name") ? payload.get("name").asText()
                    : payload.hasNonNull("preferred_username") ? payload.get("preferred_username").asText() : null;
            return Optional.of(new TokenClaims(payload.path("tid").asText(null), payload.path("oid").asText(null), name,
                    roles, payload.has("exp") ? Instant.ofEpochSecond(payload.get("exp").asLong()) : Instant.MAX));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
