package org.licenselifecycle.support.security;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.RequestScoped;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Who is calling: their tenant ({@code tid}) and object id ({@code oid}), from the verified token. */
@RequestScoped
public class Caller {

    private final JsonWebToken token;

    Caller(JsonWebToken token) {
        this.token = token;
    }

    /** The caller's tenant: every read and write is confined to it. */
    public UUID tenantId() {
        return uuidClaim("tid");
    }

    /** The caller's object id, recorded as who did what. */
    public UUID objectId() {
        return uuidClaim("oid");
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
