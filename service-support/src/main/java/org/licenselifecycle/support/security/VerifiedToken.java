package org.licenselifecycle.support.security;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token as {@link VerifiedTokenCache} reuses it across requests, reading each claim once.
 * smallrye-jwt looks a claim up by first trying it as a standard MP-JWT claim name, which throws (and
 * fills a stack trace) for every other name: Entra ID's {@code tid}, {@code oid} and {@code wids} are read
 * on every request, so reading them once per token rather than once per request matters.
 */
final class VerifiedToken implements JsonWebToken {

    private final JsonWebToken token;
    private final ConcurrentMap<String, Optional<Object>> claims = new ConcurrentHashMap<>();

    VerifiedToken(JsonWebToken token) {
        this.token = token;
    }

    @Override
    public String getName() {
        return token.getName();
    }

    @Override
    public Set<String> getClaimNames() {
        return token.getClaimNames();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.computeIfAbsent(claimName, name -> Optional.ofNullable(token.getClaim(name))).orElse(null);
    }

    @Override
    public String toString() {
        return token.toString();
    }
}
