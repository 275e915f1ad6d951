package org.licenselifecycle.support.transaction;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.licenselifecycle.support.sql.SqlFailures;

/**
 * Runs a transaction again when PostgreSQL chose it as the loser of a deadlock ({@code 40P01}) or of a
 * serialization check ({@code 40001}): the database rolled all of it back, so the whole unit of work runs
 * again, in a new transaction, after a short random wait (so that the two losers do not meet again), a
 * bounded number of times ({@code transaction.retry.*}). When every run lost, {@link TransactionConflict}
 * (503) says so; nothing changed.
 *
 * <p>It wraps every {@code @Transactional} (REQUIRED) method that begins a transaction, outside the
 * transaction interceptor (priority 200), so each run is a transaction of its own. A method that joins its
 * caller's transaction is left alone: rerunning part of a transaction the database has aborted would fail
 * again, so only the method that began it runs again. Lock order (users by id, then seats by product)
 * keeps deadlocks rare; this is what keeps a rare one from becoming a 500.
 */
@Transactional(Transactional.TxType.REQUIRED)
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class TransactionRetry {

    private static final Logger LOG = Logger.getLogger(TransactionRetry.class);

    @Inject
    TransactionManager transactions;

    @Inject
    TransactionRetryConfig config;

    @AroundInvoke
    Object runAgainWhenLost(InvocationContext invocation) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return invocation.proceed();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return invocation.proceed();
            } catch (Exception e) {
                if (!SqlFailures.lostToAnotherTransaction(e)) {
                    throw e;
                }
                if (attempt >= config.attempts()) {
                    LOG.warnf(e, "%s lost to concurrent transactions %d times; giving up",
                            invocation.getMethod().getName(), attempt);
                    throw new TransactionConflict(attempt, e);
                }
                LOG.debugf("%s lost to a concurrent transaction (run %d of %d): %s", invocation.getMethod().getName(),
                        attempt, config.attempts(), e.getMessage());
                pause(attempt, e);
            }
        }
    }

    /** Waits a random part of the backoff, which doubles with each run up to its bound. */
    private void pause(int attempt, Exception lost) throws Exception {
        Duration bound = config.backoff().multipliedBy(1L << Math.min(attempt - 1, 20));
        if (bound.compareTo(config.maxBackoff()) > 0) {
            bound = config.maxBackoff();
        }
        long nanos = bound.toNanos();
        try {
            TimeUnit.NANOSECONDS.sleep(nanos / 2 + ThreadLocalRandom.current().nextLong(nanos / 2 + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw lost;
        }
    }
}
