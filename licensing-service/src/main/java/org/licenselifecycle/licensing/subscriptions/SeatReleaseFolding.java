package org.licenselifecycle.licensing.subscriptions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Folds the seats given back ({@code seat_release}) into their products' counters every
 * {@code licensing.seats.fold-every} (default 1 s), so that the releases readers sum stay few even while nothing
 * takes a seat. One transaction per product; a row another transaction holds is skipped, since that change folds
 * it itself ({@link Seats}). Replicas running it at once skip each other's rows the same way.
 */
@ApplicationScoped
public class SeatReleaseFolding {

    private final Seats seats;

    SeatReleaseFolding(Seats seats) {
        this.seats = seats;
    }

    @Scheduled(identity = "seat-release-folding", every = "${licensing.seats.fold-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        seats.released().forEach(product -> QuarkusTransaction.requiringNew()
                .run(() -> seats.fold(product.tenantId(), product.skuId(), Seats.Wait.NOT)));
    }
}
