package org.licenselifecycle.lifecycle;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Health;
import org.licenselifecycle.testsupport.Rig;

/** Health, metrics and the OpenAPI document of data-lifecycle-service. */
@QuarkusTest
@WithTestResource(Rig.class)
class OperationsTest {

    @Test
    void readinessNeedsTheDatabaseAndReportsTheBrokerWithoutDependingOnIt() {
        Health.assertReadyAliveAndStartedWithTheBrokerReported();
    }

    @Test
    void theBrokerAndTheOutboxAreMetrics() {
        Health.assertBrokerAndOutboxMetrics();
    }

    @Test
    void theOpenApiDocumentDescribesTheMailboxAndOneDriveEndpoints() {
        given().get("/q/openapi?format=json")
                .then().statusCode(200)
                .body(containsString("/api/v1/users/{userId}/mailbox"))
                .body(containsString("/api/v1/users/{userId}/onedrive"))
                .body(containsString("/api/v1/users/{userId}/mailbox/holds"))
                .body(containsString("/api/v1/users/{userId}/mailbox/items"))
                .body(containsString("/api/v1/ediscovery/searches"))
                .body(containsString("/api/v1/users/{userId}/timeline"))
                .body(containsString("/api/v1/tenant/onedrive-retention"))
                .body(containsString("/api/v1/purge-runs"));
    }

    @Test
    void prometheusMetricsAreExposed() {
        given().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("jvm_"));
    }
}
