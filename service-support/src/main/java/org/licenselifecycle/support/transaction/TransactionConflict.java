package org.licenselifecycle.support.transaction;

import java.time.Duration;
import java.util.Optional;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * A change that kept losing to concurrent changes of the same rows, each run rolled back: nothing changed.
 * Graph's 503 {@code serviceNotAvailable}, which the Graph SDKs' retry handlers try again after
 * {@code Retry-After}; never a 500, since nothing is broken.
 */
public class TransactionConflict extends GraphException {

    TransactionConflict(int attempts, Throwable lastFailure) {
        super(503, GraphErrorCodes.SERVICE_UNAVAILABLE, "Concurrent changes to the same objects conflicted with this "
                + "request " + attempts + " times; nothing was changed. Try again.");
        initCause(lastFailure);
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.of(Duration.ofSeconds(1));
    }
}
