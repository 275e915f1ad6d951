package org.licenselifecycle.support.security;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token as {@link VerifiedTokenCache} reuses it across requests, reading each claim once.
 * smallrye-jwt looks a claim up by first trying it as a standard MP-JWT claim name, which throws (and
 * fills a stack trace) for every other name: Entra ID's {@code tid}, {@code oid} and {@code wids} are read
 * on every request, so reading them once per token rather than once per request matters. What is read from the
 * claims on every request (the caller's {@link Grant}, their tenant) is likewise worked out once per token
 * ({@link #derived}): the token cannot change, so neither can anything read from it.
 */
final class VerifiedToken implements JsonWebToken {

    private final JsonWebToken token;
    private final ConcurrentMap<String, Optional<Object>> claims = new ConcurrentHashMap<>();
    private final ConcurrentMap<Function<JsonWebToken, ?>, Object> derived = new ConcurrentHashMap<>();

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

    /**
     * What {@code reading} reads from {@code token}: once per token for a token {@link VerifiedTokenCache} reuses, on
     * every call for any other. {@code reading} must be one constant function (it is the key) that reads the token
     * alone, and must not return null.
     */
    @SuppressWarnings("unchecked")
    static <T> T derived(JsonWebToken token, Function<JsonWebToken, T> reading) {
        if (token instanceof VerifiedToken verified) {
            return (T) verified.derived.computeIfAbsent(reading, read -> read.apply(verified));
        }
        return reading.apply(token);
    }
}
