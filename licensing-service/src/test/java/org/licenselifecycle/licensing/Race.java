package org.licenselifecycle.licensing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calls raced against each other, the way the race tests make them overlap: each on a thread of its own, all let go
 * at the same moment, and every answer waited for.
 */
final class Race {

    /** How long one call may take: a race that deadlocks fails the test instead of hanging the build. */
    private static final long AT_MOST_SECONDS = 120;

    private Race() {
    }

    /** Starts the calls at once and returns their answers in the calls' order (a call's failure is thrown). */
    static <T> List<T> run(List<? extends Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> call : calls) {
                running.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> call : running) {
                answers.add(call.get(AT_MOST_SECONDS, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
