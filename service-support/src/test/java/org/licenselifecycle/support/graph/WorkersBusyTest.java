package org.licenselifecycle.support.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * A request the worker pool refuses (every thread busy, the queue full) is Graph's 503 with Retry-After in its
 * envelope, which the Graph SDKs retry; any other failure is left to the handlers after it.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class WorkersBusyTest {

    @TestHTTPResource("/test/workers-busy")
    URI workersBusy;

    @TestHTTPResource("/test/other-failure")
    URI otherFailure;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aRequestNoWorkerCanTakeIsA503WithRetryAfterInGraphsEnvelope() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(workersBusy)
                .header("client-request-id", "the-callers-id").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonPath error = JsonPath.from(response.body());
        assertThat(error.getString("error.code")).isEqualTo("serviceNotAvailable");
        assertThat(error.getString("error.message")).contains("retry after 1 seconds");
        assertThat(error.getString("error.innerError.request-id")).isEqualTo(response.headers().firstValue("request-id").orElseThrow());
        assertThat(error.getString("error.innerError.client-request-id")).isEqualTo("the-callers-id");
    }

    @Test
    void anotherFailureIsNotAnsweredAsBusy() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(otherFailure).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    }
}
