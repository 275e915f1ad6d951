package org.licenselifecycle.contract.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;

/** The one minter: RS256 tokens the development public key verifies, with exactly the claims asked for, as JSON. */
class TokenMinterTest {

    private static final Instant NOW = Instant.parse("2026-12-01T06:00:00Z");

    @Test
    void aDelegatedTokenIsSignedWithTheDevelopmentKeyAndCarriesEntrasClaims() throws Exception {
        String token = TokenMinter.token(TokenMinter.ISSUER, TokenMinter.AUDIENCE, "t-1", "o-1")
                .delegated(TokenMinter.ADMIN_CENTER_CLIENT_ID, TokenMinter.ADMIN_CENTER_SCOPES)
                .roles(List.of(DirectoryRole.LICENSE_ADMINISTRATOR, DirectoryRole.GLOBAL_READER))
                .valid(NOW, NOW.plusSeconds(3600))
                .sign(developmentKey());

        String[] parts = token.split("\\.");
        assertThat(verifies(parts[0] + "." + parts[1], parts[2])).isTrue();
        assertThat(decode(parts[0])).isEqualTo("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
        assertThat(decode(parts[1])).startsWith("{\"iss\":\"https://login.license-lifecycle.dev/\","
                + "\"aud\":\"api://license-lifecycle-dev\",\"sub\":\"o-1\",\"tid\":\"t-1\",\"oid\":\"o-1\","
                + "\"azp\":\"00000000-c0de-4000-8000-000000000c01\",\"scp\":\"User.Read User.ReadWrite.All ")
                .contains(",\"wids\":[\"4d6ac14f-3453-41d0-bef9-a3e0c569773a\",\"f2ef992c-3afb-46b9-b7cf-a126ee74c451\"],"
                        + "\"iat\":1796104800,\"exp\":1796108400,\"jti\":\"")
                .doesNotContain("idtyp", "roles");
    }

    @Test
    void anAppOnlyTokenNamesItsPermissionsAndNoScopes() {
        String token = TokenMinter.token(TokenMinter.ISSUER, TokenMinter.AUDIENCE, "t-1", "sp-1")
                .appOnly("app-1", List.of("User.ReadWrite.All", "Directory.Read.All"))
                .roles(List.of())
                .sign(developmentKey());

        assertThat(decode(token.split("\\.")[1])).contains("\"azp\":\"app-1\",\"idtyp\":\"app\","
                + "\"roles\":[\"User.ReadWrite.All\",\"Directory.Read.All\"],\"wids\":[]").doesNotContain("scp");
    }

    @Test
    void namesAreWrittenAsJsonStringsWhateverTheyHold() {
        String token = TokenMinter.token(TokenMinter.ISSUER, TokenMinter.AUDIENCE, "t", "o")
                .claim("name", "Ann \"Nan\" O\\Brien\n\u00e9")
                .sign(developmentKey());

        assertThat(decode(token.split("\\.")[1])).contains("\"name\":\"Ann \\\"Nan\\\" O\\\\Brien\\u000a\u00e9\"");
    }

    @Test
    void eachTokenHasItsOwnId() {
        TokenMinter token = TokenMinter.token(TokenMinter.ISSUER, TokenMinter.AUDIENCE, "t", "o");

        assertThat(token.sign(developmentKey())).isNotEqualTo(token.sign(developmentKey()));
    }

    @Test
    void theAdminCentersScopesAreOneListInBothForms() {
        assertThat(String.join(",", TokenMinter.ADMIN_CENTER_SCOPES)).isEqualTo(TokenMinter.ADMIN_CENTER_SCOPE_NAMES);
        assertThat(TokenMinter.ADMIN_CENTER_SCOPES).hasSize(12).doesNotHaveDuplicates().allMatch(s -> s.matches("[A-Za-z.]+"));
    }

    @Test
    void aFileThatIsNoKeyIsRefusedNamingIt() throws Exception {
        Path notAKey = Files.createTempFile("not-a-key", ".pem");
        Files.writeString(notAKey, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> TokenMinter.readPkcs8(notAKey)).hasMessageContaining(notAKey.toString());
    }

    private static java.security.PrivateKey developmentKey() {
        return TokenMinter.readPkcs8(TokenMinter.findAbove(TokenMinter.DEVELOPMENT_KEY).orElseThrow());
    }

    private static boolean verifies(String signed, String signature) throws Exception {
        String pem = Files.readString(TokenMinter.findAbove(Path.of("deploy", "local", "dev-keys", "public-key.pem"))
                .orElseThrow());
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""))));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
        return rsa.verify(Base64.getUrlDecoder().decode(signature));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

}
