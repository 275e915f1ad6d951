package org.licenselifecycle.support.security;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a service outside a developer's machine when its tokens could be forged or were meant for
 * another application: under any profile but {@code dev}, {@code test} and {@code local}, the key that verifies
 * bearer tokens must not be the development key committed in {@code deploy/local/dev-keys} (its private half is
 * public, so anyone could sign a Global Administrator's token of any tenant), and an audience
 * ({@code mp.jwt.verify.audiences}) must be set, so that a token the identity provider issued to another
 * application of the tenant is refused.
 */
@ApplicationScoped
public class DevelopmentKeyGuard {

    /** The profiles of a developer's machine and of the tests: the only ones that may trust the development key. */
    public static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "test", "local");

    /**
     * SHA-256 of the development public key's X.509 SubjectPublicKeyInfo ({@code deploy/local/dev-keys/public-key.pem};
     * {@code openssl pkey -pubin -in public-key.pem -outform DER | sha256sum}). A fingerprint, not the file, so that
     * the check works in a container image that does not carry deploy/.
     */
    static final String DEVELOPMENT_KEY_SHA256 = "95291c892c85fb63b58b86dc67828f9cd0dc005fe78e63660ffaa5522e7364c4";

    /** What smallrye-jwt verifies tokens with: a decoded key, inline key text, or where to read it; and the audiences. */
    public record TokenTrust(Optional<PublicKey> key, Optional<String> keyContent, Optional<String> keyLocation,
            Set<String> audiences) {
    }

    // Early: before the messaging connectors and the schedulers start on the same event.
    void refuseUnsafeTrust(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started,
            JWTAuthContextInfo verification) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        List<String> profiles = config.getProfiles();
        // smallrye-jwt reads a local key file at once and keeps only its text: the location is the operator's words
        Optional<String> location = Optional.ofNullable(verification.getPublicKeyLocation())
                .or(() -> config.getOptionalValue("mp.jwt.verify.publickey.location", String.class));
        TokenTrust trust = new TokenTrust(Optional.ofNullable(verification.getPublicVerificationKey()),
                Optional.ofNullable(verification.getPublicKeyContent()), location,
                verification.getExpectedAudience() == null ? Set.of() : verification.getExpectedAudience());
        List<String> problems = problems(profiles, trust);
        if (!problems.isEmpty()) {
            // Quarkus prints a ConfigurationException's message alone, without a stack trace, and exits with 1
            throw new ConfigurationException("Refusing to start under profile " + String.join(",", profiles) + ":\n- "
                    + String.join("\n- ", problems));
        }
    }

    /** What is wrong with trusting {@code trust} under {@code profiles}: nothing under a development profile. */
    public static List<String> problems(Collection<String> profiles, TokenTrust trust) {
        if (profiles.stream().anyMatch(DEVELOPMENT_PROFILES::contains)) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        Optional<String> developmentKeyAt = developmentKeyAt(trust);
        developmentKeyAt.ifPresent(where -> problems.add("the key that verifies bearer tokens (" + where + ") is the"
                + " development key of deploy/local/dev-keys, whose private half anyone can read and sign any tenant's"
                + " admin token with. Set MP_JWT_VERIFY_PUBLICKEY_LOCATION to your identity provider's signing keys (for"
                + " Entra ID https://login.microsoftonline.com/<tenant id>/discovery/v2.0/keys), or run with"
                + " QUARKUS_PROFILE=local on a developer's machine."));
        if (trust.audiences().stream().allMatch(String::isBlank)) {
            problems.add("no audience is set, so a token the identity provider issued to any other application of the"
                    + " tenant would be accepted. Set MP_JWT_VERIFY_AUDIENCES to this API's application ID (for Entra ID"
                    + " v2.0 tokens its application (client) id; v1.0 tokens carry its application ID URI, api://...).");
        }
        return problems;
    }

    /**
     * The setting that makes the development key trusted, if it is: the location when one is set (smallrye-jwt may
     * have read it into a key or text already), else the inline key.
     */
    private static Optional<String> developmentKeyAt(TokenTrust trust) {
        boolean trusted = trust.key().filter(DevelopmentKeyGuard::isDevelopmentKey).isPresent()
                || trust.keyContent().map(DevelopmentKeyGuard::keysIn).orElse(List.of()).stream()
                        .anyMatch(DevelopmentKeyGuard::isDevelopmentKey)
                || trust.keyLocation().flatMap(DevelopmentKeyGuard::readLocally).map(DevelopmentKeyGuard::keysIn)
                        .orElse(List.of()).stream().anyMatch(DevelopmentKeyGuard::isDevelopmentKey);
        if (!trusted) {
            return Optional.empty();
        }
        return Optional.of(trust.keyLocation().map(location -> "mp.jwt.verify.publickey.location=" + location)
                .orElse("mp.jwt.verify.publickey"));
    }

    /**
     * The text at a key location on this machine (a file, a {@code file:} or {@code classpath:} URL); empty for a
     * remote key set (an identity provider's JWKS) and for anything unreadable, which smallrye-jwt reports itself.
     */
    private static Optional<String> readLocally(String location) {
        if (location.startsWith("http:") || location.startsWith("https:")) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(ResourceUtils.readResource(location));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The public keys in a key text as smallrye-jwt reads one: a JWK or JWK set, a certificate, or a PEM/Base64 key. */
    static List<PublicKey> keysIn(String content) {
        String text = content.trim();
        try {
            if (text.startsWith("{")) {
                return KeyUtils.loadJsonWebKeys(text).stream()
                        .map(jwk -> jwk.getKey())
                        .filter(PublicKey.class::isInstance)
                        .map(PublicKey.class::cast)
                        .toList();
            }
            if (text.contains("BEGIN CERTIFICATE")) {
                return List.of(KeyUtils.decodeCertificate(text));
            }
            return List.of(KeyUtils.decodePublicKey(text));
        } catch (GeneralSecurityException | RuntimeException e) {
            return List.of();
        }
    }

    static boolean isDevelopmentKey(PublicKey key) {
        return DEVELOPMENT_KEY_SHA256.equals(fingerprint(key));
    }

    /** SHA-256 of the key's SubjectPublicKeyInfo, in hex. */
    static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
