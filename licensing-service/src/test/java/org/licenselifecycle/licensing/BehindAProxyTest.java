package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

/**
 * Behind the Ingress or the local gateway, Graph's absolute URLs name the host the client called, as the proxy
 * forwards it (X-Forwarded-Proto and X-Forwarded-Host, as ingress-nginx sends them), not the service's own address.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class BehindAProxyTest {

    @Test
    void odataContextFollowsTheForwardedSchemeAndHostOfAProxy() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 1);

        given().auth().oauth2(tenant.token(DirectoryRole.GLOBAL_READER))
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "graph.contoso.example")
                .get("/v1.0/subscribedSkus")
                .then().statusCode(200)
                .body("'@odata.context'", equalTo("https://graph.contoso.example/v1.0/$metadata#subscribedSkus"));
    }
}
