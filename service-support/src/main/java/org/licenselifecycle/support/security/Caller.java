package org.licenselifecycle.support.security;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: their tenant ({@code tid}) and object id ({@code oid}), from the verified token. */
@RequestScoped
public class Caller {

    /** How a token's tenant is read ({@link VerifiedToken#derived}'s key). */
    private static final Function<JsonWebToken, Optional<UUID>> TENANT = Caller::readTenant;

    private final JsonWebToken token;
    // read once per request (and each claim once per token, by VerifiedToken)
    private UUID tenantId;
    private UUID objectId;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's tenant: every read and write is confined to it. */
    public UUID tenantId() {
        if (tenantId == null) {
            tenantId = uuidClaim("tid");
        }
        return tenantId;
    }

    /** The caller's object id, recorded as who did what. */
    public UUID objectId() {
        if (objectId == null) {
            objectId = uuidClaim("oid");
        }
        return objectId;
    }

    /** The tenant a verified token names, if it names one as a GUID (for what runs before any resource). */
    public static Optional<UUID> tenantOf(JsonWebToken token) {
        return VerifiedToken.derived(token, TENANT); // once per token: every request's filters ask
    }

    private static Optional<UUID> readTenant(JsonWebToken token) {
        Object value = token.getClaim("tid");
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value.toString().replace("\"", "")));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private UUID uuidClaim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            throw new AuthenticationFailedException("The token has no " + name + " claim");
        }
        try {
            return UUID.fromString(value.toString().replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailedException("The token's " + name + " claim is not a GUID");
        }
    }
}
