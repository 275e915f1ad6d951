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

    /** How long to wait for the broker's acknowledgement of a batch before trying again later. */
    @WithDefault("PT10S")
    Duration ackTimeout();

    /** How long acknowledged rows stay in the table (for tracing) before they are deleted. */
    @WithDefault("P7D")
    Duration retention();
}
