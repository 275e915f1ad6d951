package org.licenselifecycle.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies each bearer token once instead of on every request: a script or SDK sends the same token for
 * up to an hour, and checking its RSA signature and claims is a large share of a small request's work.
 * A token is kept, by its exact text, only after it passed full verification, and never past its own
 * {@code exp} nor past {@code license-lifecycle.token-cache.max-age}; a token that fails is not kept, so
 * it fails again. Expiry is judged by the wall clock, as the verifier judges it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    private final JWTParser verifier;
    private final Cache<String, JsonWebToken> verified;

    VerifiedTokenCache(JWTAuthContextInfo authContext, TokenCacheConfig config) {
        this.verifier = new DefaultJWTParser(authContext);
        Duration maxAge = config.maxAge();
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) -> lifetime(jwt, maxAge)))
                .build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken cached = verified.getIfPresent(token);
        if (cached != null) {
            return cached;
        }
        JsonWebToken jwt = new VerifiedToken(verifier.parse(token));
        verified.put(token, jwt); // one that expires this second is dropped at once (zero lifetime)
        return jwt;
    }

    /** How long a verified token may be reused: until it expires, and at most {@code maxAge}. */
    private static Duration lifetime(JsonWebToken jwt, Duration maxAge) {
        long left = Math.max(0, jwt.getExpirationTime() - System.currentTimeMillis() / 1000);
        return Duration.ofSeconds(Math.min(left, maxAge.toSeconds()));
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
