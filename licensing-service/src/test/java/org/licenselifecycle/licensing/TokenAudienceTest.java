package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * A token the identity provider issued to another application (another {@code aud}) is refused like a forged one,
 * although its signature, issuer and roles are good: the services check {@code mp.jwt.verify.audiences}.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class TokenAudienceTest {

    @Test
    void aTokenForAnotherAudienceIsA401InvalidAuthenticationToken() {
        UUID tenant = UUID.randomUUID();
        String otherApplication = DevTokens.forAudience(tenant, "api://another-application", DirectoryRole.GLOBAL_ADMINISTRATOR);

        given().auth().oauth2(otherApplication).get("/api/v1/licenses")
                .then().statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
        given().auth().oauth2(otherApplication).get("/v1.0/subscribedSkus")
                .then().statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
    }

    @Test
    void theSameTokenForThisApisAudienceIsAccepted() {
        UUID tenant = UUID.randomUUID();
        String token = DevTokens.forAudience(tenant, DevTokens.AUDIENCE, DirectoryRole.GLOBAL_ADMINISTRATOR);

        given().auth().oauth2(token).get("/api/v1/licenses").then().statusCode(200);
    }
}
