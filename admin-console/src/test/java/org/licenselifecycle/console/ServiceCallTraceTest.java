package org.licenselifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The console's calls to the services carry the admin's request's trace (W3C {@code traceparent}, sent by the
 * instrumented REST clients), so that one trace follows a click from the console into the services.
 */
@QuarkusTest
@WithTestResource(FakeServices.class)
class ServiceCallTraceTest {

    @Test
    void aPagesCallsToTheServicesContinueTheTraceOfTheAdminsRequest() {
        SignedIn admin = SignedIn.as(FakeServices.LEE, "LICENSE_ADMINISTRATOR");
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String browserSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);

        admin.request().header("traceparent", "00-" + traceId + "-" + browserSpan + "-01").get("/licenses")
                .then().statusCode(200);

        assertThat(FakeServices.traced).filteredOn(call -> call.startsWith("GET /api/v1/licenses "))
                .anySatisfy(call -> assertThat(call).matches(".* 00-" + traceId + "-[0-9a-f]{16}-01")
                        .doesNotContain(browserSpan));
    }
}
