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
