package org.licenselifecycle.support.outbox;

import java.time.Duration;

/**
 * How long the relay's next woken pass waits after the commit that woke it: {@code outbox.relay.linger}, twice the
 * last linger (up to {@code outbox.relay.max-linger}) after a pass that published at least {@code outbox.relay.busy-pass}
 * events, back to {@code linger} after a quieter pass. Each pass costs a transaction, a read and an update however
 * many events it carries, so a busy moment is published in fewer, larger passes, while a quiet one keeps the short wait.
 */
final class RelayLinger {

    private final long base;
    private final long max;
    private final int busyPass;
    private volatile long current;

    RelayLinger(Duration linger, Duration maxLinger, int busyPass) {
        this.base = linger.toNanos();
        this.max = Math.max(base, maxLinger.toNanos());
        this.busyPass = busyPass;
        this.current = base;
    }

    /** The wait before the next pass, in nanoseconds. */
    long nanos() {
        return current;
    }

    /** Sets the next wait from what the last pass (all its batches) published. */
    void afterPass(int published) {
        current = published >= busyPass ? Math.min(2 * current, max) : base;
    }
}
