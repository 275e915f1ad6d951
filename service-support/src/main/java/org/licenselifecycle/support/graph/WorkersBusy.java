package org.licenselifecycle.support.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import org.licenselifecycle.contract.graph.GraphError;
import org.licenselifecycle.contract.graph.GraphErrorCodes;

/**
 * Graph's 503 with {@code Retry-After} for a request that no worker thread can take: every one busy and the queue in
 * front of them full ({@code quarkus.thread-pool.max-threads} and {@code queue-size}). A service that queued without
 * end under more calls than it can serve would fill its heap with waiting requests and spend its time collecting
 * them (licensing-service did, deploy/local/bench/README.md); so a bounded queue refuses the excess at once, as Graph
 * does when overloaded, and the Graph SDKs' retry handlers wait and try again. Quarkus' own answer would be an empty
 * 503 and a warning logged per refusal; this one is in Graph's envelope and counted ({@code http_workers_busy_total}).
 */
@ApplicationScoped
public class WorkersBusy {

    /** How long a refused caller waits: a second drains most queues this bound allows. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final ObjectMapper json;
    private final Clock clock;
    private final Counter refused;

    WorkersBusy(ObjectMapper json, Clock clock, MeterRegistry metrics) {
        this.json = json;
        this.clock = clock;
        this.refused = Counter.builder("http.workers.busy")
                .description("Requests refused with 503 because every worker thread was busy and their queue full")
                .register(metrics);
    }

    void install(@Observes Router router) {
        // first of the failure handlers, ahead of Quarkus' error handler (the last)
        router.route().order(Integer.MIN_VALUE).failureHandler(this::refuse);
    }

    private void refuse(RoutingContext request) {
        if (!(request.failure() instanceof RejectedExecutionException) || request.response().headWritten()) {
            request.next();
            return;
        }
        refused.increment();
        GraphError error = RouteErrors.error(request, clock, GraphErrorCodes.SERVICE_UNAVAILABLE,
                "The service is busy. Please retry after " + RETRY_AFTER.toSeconds() + " seconds.");
        RouteErrors.refusal(request, 503, error)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()))
                .end(RouteErrors.json(json, error));
    }
}
