package org.licenselifecycle.support.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/** Bearer tokens are verified once and reused, never past their expiry, and a bad one is never kept. */
@QuarkusTest
@WithTestResource(Rig.class)
class VerifiedTokenCacheTest {

    @Inject
    JWTParser parser;

    @Test
    void aValidTokenIsVerifiedOnceAndThenReused() throws ParseException {
        String token = DevTokens.token(UUID.randomUUID(), DirectoryRole.LICENSE_ADMINISTRATOR);

        assertThat(parser.parse(token)).isSameAs(parser.parse(token));
    }

    @Test
    void aReusedTokenAnswersEveryClaimAsTheVerifierReadIt() throws ParseException {
        UUID tenant = UUID.randomUUID();
        String token = DevTokens.token(tenant, DirectoryRole.LICENSE_ADMINISTRATOR);
        JsonWebToken first = parser.parse(token);
        JsonWebToken reused = parser.parse(token);

        for (JsonWebToken jwt : List.of(first, reused, reused)) {
            assertThat(jwt.<Object>getClaim("tid").toString()).contains(tenant.toString());
            assertThat(jwt.<Object>getClaim("wids").toString()).contains(DirectoryRole.LICENSE_ADMINISTRATOR.templateId());
            assertThat(jwt.getIssuer()).isEqualTo("https://login.license-lifecycle.dev/");
            assertThat(jwt.<Object>getClaim("no-such-claim")).isNull();
            assertThat(jwt.getRawToken()).isEqualTo(token);
        }
    }

    @Test
    void aReusedTokensGrantAndTenantAreReadOnceAndAnswerAsTheClaimsSay() throws ParseException {
        UUID tenant = UUID.randomUUID();
        String token = DevTokens.token(tenant, DirectoryRole.LICENSE_ADMINISTRATOR);
        JsonWebToken reused = parser.parse(token);

        Grant grant = Grant.of(reused);
        assertThat(grant.directoryRoles()).containsExactly(DirectoryRole.LICENSE_ADMINISTRATOR);
        assertThat(Caller.tenantOf(reused)).contains(tenant);
        // read once per token: every request with it is handed the same grant
        assertThat(Grant.of(parser.parse(token))).isSameAs(grant);
        assertThat(Caller.tenantOf(parser.parse(token))).isSameAs(Caller.tenantOf(reused));
    }

    @Test
    void aTokenPastItsExpiryIsVerifiedAgainOnEveryUse() throws ParseException {
        // past exp but inside the verifier's clock skew: still accepted, never kept
        String token = DevTokens.expiringAt(UUID.randomUUID(), Instant.now().minusSeconds(5),
                DirectoryRole.LICENSE_ADMINISTRATOR);

        assertThat(parser.parse(token)).isNotSameAs(parser.parse(token));
    }

    @Test
    void aTokenSignedByAStrangerIsRefusedEveryTime() {
        String token = DevTokens.signedByStranger(UUID.randomUUID(), DirectoryRole.LICENSE_ADMINISTRATOR);

        assertThatThrownBy(() -> parser.parse(token)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(token)).isInstanceOf(ParseException.class);
        given().auth().oauth2(token).get("/test/licenses").then().statusCode(401);
        given().auth().oauth2(token).get("/test/licenses").then().statusCode(401);
    }

    @Test
    void aValidTokenStillAuthorisesEveryRequest() {
        UUID tenant = UUID.randomUUID();
        String token = DevTokens.token(tenant, DirectoryRole.LICENSE_ADMINISTRATOR);

        given().auth().oauth2(token).get("/test/licenses").then().statusCode(200);
        given().auth().oauth2(token).get("/test/licenses").then().statusCode(200);
    }
}
