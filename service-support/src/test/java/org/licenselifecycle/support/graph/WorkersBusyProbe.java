package org.licenselifecycle.support.graph;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.RejectedExecutionException;

/**
 * A test-only route failing as a request fails when the worker pool refuses it (Quarkus REST hands the pool's
 * {@link RejectedExecutionException} to the route's failure handlers), and one failing otherwise: for
 * {@link WorkersBusyTest}.
 */
@ApplicationScoped
public class WorkersBusyProbe {

    void install(@Observes Router router) {
        router.get("/test/workers-busy").handler(request -> request.fail(new RejectedExecutionException("queue full")));
        router.get("/test/other-failure").handler(request -> request.fail(new IllegalStateException("not ours")));
    }
}
