package org.licenselifecycle.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The timings' measurement, written once: what a stretch of work cost the calling thread (its CPU), the test
 * PostgreSQL (its CPU, {@link CpuTime#database}) and the clock on the wall, per unit of work (an event, an unassign).
 * CPU time rather than wall time alone, as these timings compare two ways of doing the same work on a machine too busy
 * for wall time to mean much.
 */
public final class CpuTiming {

    private CpuTiming() {
    }

    /** What {@code units} units of work cost, each figure in microseconds per unit. */
    public record Cost(int units, double threadMicros, double databaseMicros, double wallMicros) {

        /** This stretch and {@code next}, measured one after the other over the same units, as one. */
        public Cost plus(Cost next) {
            return new Cost(units, threadMicros + next.threadMicros, databaseMicros + next.databaseMicros,
                    wallMicros + next.wallMicros);
        }
    }

    /**
     * Runs a timing at each batch size the timings compare, named for its line: twice to warm up (one by one, then
     * batches of 100), then one by one, in batches of 10, 100 and 200.
     */
    public static void atEachBatchSize(BiConsumer<String, Integer> run) {
        run.accept("warm-up", 1);
        run.accept("warm-up", 100);
        for (int size : new int[] {1, 10, 100, 200}) {
            run.accept(size == 1 ? "one by one" : "batches of " + size, size);
        }
    }

    /** Runs {@code work} on the calling thread and says what it cost per unit, {@code units} units in all. */
    public static Cost measure(String jdbcUrl, int units, Runnable work) {
        long thread = CpuTime.thisThread();
        long database = CpuTime.database(jdbcUrl);
        long wall = System.nanoTime();
        work.run();
        long wallNanos = System.nanoTime() - wall;
        long threadNanos = CpuTime.thisThread() - thread;
        long databaseNanos = CpuTime.database(jdbcUrl) - database;
        return new Cost(units, perUnit(threadNanos, units), perUnit(databaseNanos, units), perUnit(wallNanos, units));
    }

    /**
     * Applies {@code items} and says what it cost per item: with a {@code size} of 1 each through {@code one}, else in
     * consecutive batches of {@code size} (the last one may be shorter) through {@code together}.
     */
    public static <T> Cost oneByOneOrInBatches(String jdbcUrl, List<T> items, int size, Consumer<T> one,
            Consumer<List<T>> together) {
        return measure(jdbcUrl, items.size(), () -> {
            if (size == 1) {
                items.forEach(one);
            } else {
                batches(items, size).forEach(together);
            }
        });
    }

    /** {@code items} cut into consecutive batches of {@code size}, the last one shorter where they do not divide. */
    public static <T> List<List<T>> batches(List<T> items, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("A batch holds at least one item, not " + size);
        }
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return batches;
    }

    private static double perUnit(long nanos, int units) {
        return nanos / 1000.0 / units;
    }
}
