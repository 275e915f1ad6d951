package org.licenselifecycle.support.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.support.graph.RequestIds;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TraceParent;

/**
 * While a request runs, the logging MDC holds its tenant, its Graph request-id and its trace (what the prod profile's
 * JSON log lines carry), the trace continuing the caller's {@code traceparent} as the console's REST clients send it.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class RequestLogContextTest {

    @Test
    void whileARequestRunsTheLogContextHoldsItsTenantRequestIdAndTrace() {
        UUID tenant = UUID.randomUUID();
        TraceParent caller = TraceParent.random();

        Response response = given().auth().oauth2(DevTokens.token(tenant, DirectoryRole.LICENSE_ADMINISTRATOR))
                .header("traceparent", caller.header())
                .get("/test/log-context");

        response.then().statusCode(200);
        assertThat(response.jsonPath().getString(RequestLogContext.TENANT)).isEqualTo(tenant.toString());
        assertThat(response.jsonPath().getString(RequestLogContext.REQUEST_ID))
                .isNotBlank().isEqualTo(response.header(RequestIds.REQUEST_ID));
        assertThat(response.jsonPath().getString("traceId")).isEqualTo(caller.traceId());
        assertThat(response.jsonPath().getString("spanId")).matches("[0-9a-f]{16}").isNotEqualTo(caller.spanId());
    }

    @Test
    void eachRequestHasARequestIdOfItsOwnInTheLogContext() {
        String token = DevTokens.token(UUID.randomUUID(), DirectoryRole.GLOBAL_READER);

        Response first = given().auth().oauth2(token).get("/test/log-context");
        Response second = given().auth().oauth2(token).get("/test/log-context");

        assertThat(first.jsonPath().getString(RequestLogContext.REQUEST_ID)).isEqualTo(first.header(RequestIds.REQUEST_ID));
        assertThat(second.jsonPath().getString(RequestLogContext.REQUEST_ID)).isEqualTo(second.header(RequestIds.REQUEST_ID))
                .isNotEqualTo(first.header(RequestIds.REQUEST_ID));
        assertThat(second.jsonPath().getString("traceId")).isNotEqualTo(first.jsonPath().getString("traceId"));
    }
}
