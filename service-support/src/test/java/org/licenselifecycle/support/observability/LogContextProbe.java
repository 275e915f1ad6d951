package org.licenselifecycle.support.observability;

import io.opentelemetry.api.trace.Span;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.MDC;
import org.licenselifecycle.support.security.Operations;

/** A test-only endpoint that answers what its request's logging MDC holds while the resource runs, and
 * whether its span is recorded ({@code recording}). */
@Path("/test/log-context")
public class LogContextProbe {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.READ_LICENSES)
    public Map<String, String> logContext() {
        Map<String, String> values = new HashMap<>();
        for (String key : new String[] {RequestLogContext.TENANT, RequestLogContext.REQUEST_ID, "traceId", "spanId"}) {
            Object value = MDC.get(key);
            values.put(key, value == null ? "" : value.toString());
        }
        values.put("recording", Boolean.toString(Span.current().isRecording()));
        return values;
    }
}
