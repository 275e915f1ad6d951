package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Health;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class HealthTest {

    @Test
    void readinessNeedsTheDatabaseAndReportsTheBrokerWithoutDependingOnIt() {
        Health.assertReadyAliveAndStartedWithTheBrokerReported();
    }

    @Test
    void theBrokerAndTheOutboxAreMetrics() {
        Health.assertBrokerAndOutboxMetrics();
    }

    @Test
    void theAdminApiIsDocumentedInOpenApi() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/licenses'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/subscriptions'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/licenses/{skuId}/users'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/licenses/{skuId}/unassign'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/users/{id}/licenses'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/users/{id}/licenses'.put", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/users/unassignAll'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/users/{id}/officeActivation'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/subscriptions/{id}'.patch", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/subscriptions/{id}/cancel'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/subscriptions/{id}/takeOver'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/subscriptions/{id}/unassign'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/groupLicenses'", org.hamcrest.Matchers.nullValue())
                .body("paths.'/v1.0/groups/{id}/assignLicense'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v1.0/groups/{id}/reprocessLicenseAssignment'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v1.0/users/{id}/reprocessLicenseAssignment'.post", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/api/v1/reports/unusedLicenses'.get", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v1.0/directory/subscriptions'.get", org.hamcrest.Matchers.notNullValue());
    }
}
