package org.licenselifecycle.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The console serves its own request metrics on {@code /q/metrics} (for Prometheus, without a sign-in): a request to
 * the console shows there as {@code http_server_requests_seconds} with its status and route, never a user.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class ConsoleMetricsTest {

    private static final String REQUESTS = "http_server_requests_seconds_count";

    @Test
    void aRequestToTheConsoleIsCountedOnTheMetricsEndpoint() {
        given().get("/console.css").then().statusCode(200);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics.lines().filter(line -> line.startsWith(REQUESTS + "{"))
                .filter(line -> line.contains("status=\"200\"")))
                .as(metrics).isNotEmpty();
    }
}
