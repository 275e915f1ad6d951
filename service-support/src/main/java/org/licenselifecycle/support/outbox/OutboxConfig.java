package org.licenselifecycle.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the outbox relay runs. */
@ConfigMapping(prefix = "outbox.relay")
public interface OutboxConfig {

    /** Rows published per transaction. */
    @WithDefault("500")
    int batchSize();

    /**
     * How long a pass waits after the commit that woke it, so that the commits of a busy moment are
     * published together; also the most an event waits beyond its commit while the relay is idle.
     */
    @WithDefault("PT0.01S")
    Duration linger();

    /**
     * The longest the linger grows to in a busy moment: after a pass that published at least {@code busy-pass}
     * events the next pass lingers twice as long, up to this; a quieter pass brings the linger back to
     * {@code linger}. Each pass costs a transaction, a read and an update however many events it carries, so a busy
     * moment is published in fewer, larger passes. At 200 unassigns a second (two events each) a pass carries a few
     * events and the linger stays at {@code linger}.
     */
    @WithDefault("PT0.04S")
    Duration maxLinger();

    /** Events a pass publishes from which the next pass lingers longer (see {@link #maxLinger}). */
    @WithDefault("32")
    int busyPass();

    /**
     * How long a pass waits for the broker's acknowledgements (all rounds of the pass together); what is not
     * acknowledged by then is tried again by a later pass.
     */
    @WithDefault("PT10S")
    Duration ackTimeout();

    /**
     * How many times the broker may refuse an event for good (too large, a forbidden or invalid topic: see
     * {@code Refusals}) before the relay sets it aside. Later events of its key then wait behind it until an
     * administrator retries or discards it; other keys keep flowing.
     */
    @WithDefault("5")
    int setAsideAfter();

    /** How long acknowledged rows stay in the table (for tracing) before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
