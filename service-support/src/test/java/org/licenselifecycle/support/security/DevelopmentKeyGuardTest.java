package org.licenselifecycle.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licenselifecycle.support.security.DevelopmentKeyGuard.TokenTrust;

/**
 * Under any profile but dev, test and local a service refuses to start when it would trust the committed
 * development key, however that key is given, or when no audience is set; elsewhere it starts.
 */
class DevelopmentKeyGuardTest {

    private static final Set<String> AUDIENCE = Set.of("00000000-0000-0000-0000-000000000001");
    private static final List<String> PROD = List.of("prod");

    @TempDir
    Path dir;

    @Test
    void theFingerprintIsThatOfTheCommittedDevelopmentKey() throws IOException {
        List<PublicKey> keys = DevelopmentKeyGuard.keysIn(Files.readString(developmentKeyPem()));

        assertThat(keys).hasSize(1);
        assertThat(DevelopmentKeyGuard.fingerprint(keys.get(0))).isEqualTo(DevelopmentKeyGuard.DEVELOPMENT_KEY_SHA256);
    }

    @Test
    void theDevelopmentKeyInlineUnderTheProdProfileRefusesTheStartSayingWhatToConfigure() throws IOException {
        // as the services' %dev properties give it: the Base64 DER of the key, no PEM lines
        String base64 = Files.readString(developmentKeyPem()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");

        List<String> problems = DevelopmentKeyGuard.problems(PROD, inline(base64, AUDIENCE));

        assertThat(problems).singleElement().asString()
                .contains("mp.jwt.verify.publickey", "development key", "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
    }

    @Test
    void theDevelopmentKeyAsAPemFileUnderTheProdProfileRefusesTheStart() throws IOException {
        Path pem = Files.copy(developmentKeyPem(), dir.resolve("public-key.pem"));

        assertThat(DevelopmentKeyGuard.problems(PROD, at("file:" + pem, AUDIENCE))).singleElement().asString()
                .contains("mp.jwt.verify.publickey.location=file:" + pem);
        assertThat(DevelopmentKeyGuard.problems(List.of("staging"), at(pem.toString(), AUDIENCE)))
                .as("any profile but dev, test and local, and a plain path").hasSize(1);
    }

    @Test
    void theDevelopmentKeyInAJsonWebKeySetUnderTheProdProfileRefusesTheStart() throws Exception {
        PublicKey development = DevelopmentKeyGuard.keysIn(Files.readString(developmentKeyPem())).get(0);
        Path jwks = Files.writeString(dir.resolve("keys.json"), jwks(newKey(), development));

        assertThat(DevelopmentKeyGuard.problems(PROD, at(jwks.toString(), AUDIENCE))).hasSize(1);
        assertThat(DevelopmentKeyGuard.problems(PROD, inline(jwks(development), AUDIENCE))).hasSize(1);
    }

    @Test
    void theDevelopmentKeyAlreadyReadFromItsLocationUnderTheProdProfileRefusesTheStartNamingTheLocation() throws IOException {
        // smallrye-jwt reads a file: location into the key at once; the location is what the operator set
        PublicKey development = DevelopmentKeyGuard.keysIn(Files.readString(developmentKeyPem())).get(0);

        assertThat(DevelopmentKeyGuard.problems(PROD, new TokenTrust(Optional.of(development), Optional.empty(),
                Optional.of("file:/etc/keys/public-key.pem"), AUDIENCE))).singleElement().asString()
                .contains("mp.jwt.verify.publickey.location=file:/etc/keys/public-key.pem");
        assertThat(DevelopmentKeyGuard.problems(PROD,
                new TokenTrust(Optional.of(development), Optional.empty(), Optional.empty(), AUDIENCE))).hasSize(1);
    }

    @Test
    void anotherKeyWithAnAudienceStartsUnderTheProdProfile() throws Exception {
        Path jwks = Files.writeString(dir.resolve("keys.json"), jwks(newKey()));
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(newKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        assertThat(DevelopmentKeyGuard.problems(PROD, at(jwks.toString(), AUDIENCE))).isEmpty();
        assertThat(DevelopmentKeyGuard.problems(PROD, inline(pem, AUDIENCE))).isEmpty();
        assertThat(DevelopmentKeyGuard.problems(PROD,
                at("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/discovery/v2.0/keys", AUDIENCE)))
                .as("an identity provider's JWKS is not fetched").isEmpty();
    }

    @Test
    void noAudienceUnderTheProdProfileRefusesTheStartSayingWhatToConfigure() throws Exception {
        Path jwks = Files.writeString(dir.resolve("keys.json"), jwks(newKey()));

        assertThat(DevelopmentKeyGuard.problems(PROD, at(jwks.toString(), Set.of()))).singleElement().asString()
                .contains("no audience", "MP_JWT_VERIFY_AUDIENCES");
        assertThat(DevelopmentKeyGuard.problems(PROD, at(jwks.toString(), Set.of(" ")))).hasSize(1);
    }

    @Test
    void theDevelopmentKeyWithoutAnAudienceUnderTheProdProfileNamesBothProblems() throws IOException {
        assertThat(DevelopmentKeyGuard.problems(PROD, at(developmentKeyPem().toString(), Set.of()))).hasSize(2);
    }

    @Test
    void theDevelopmentProfilesTrustTheDevelopmentKeyWithOrWithoutAnAudience() throws IOException {
        for (String profile : List.of("dev", "test", "local")) {
            assertThat(DevelopmentKeyGuard.problems(List.of(profile), at(developmentKeyPem().toString(), Set.of())))
                    .as(profile).isEmpty();
        }
    }

    @Test
    void aKeyLocationThatCannotBeReadIsLeftToTheVerifier() {
        assertThat(DevelopmentKeyGuard.problems(PROD, at(dir.resolve("missing.pem").toString(), AUDIENCE))).isEmpty();
    }

    private static TokenTrust inline(String content, Set<String> audiences) {
        return new TokenTrust(Optional.empty(), Optional.of(content), Optional.empty(), audiences);
    }

    private static TokenTrust at(String location, Set<String> audiences) {
        return new TokenTrust(Optional.empty(), Optional.empty(), Optional.of(location), audiences);
    }

    private static String jwks(PublicKey... keys) throws JoseException {
        JsonWebKeySet set = new JsonWebKeySet();
        for (PublicKey key : keys) {
            set.addJsonWebKey(JsonWebKey.Factory.newJwk(key));
        }
        return set.toJson();
    }

    private static PublicKey newKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPublic();
    }

    /** deploy/local/dev-keys/public-key.pem, found from wherever the test runs. */
    private static Path developmentKeyPem() {
        Path relative = Path.of("deploy", "local", "dev-keys", "public-key.pem");
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve(relative))) {
                return d.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
