package org.licenselifecycle.support.transaction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often a transaction that lost a deadlock or a serialization check is run again (see {@link TransactionRetry}). */
@ConfigMapping(prefix = "transaction.retry")
public interface TransactionRetryConfig {

    /** Runs in all, the first included; 1 never runs a lost transaction again. */
    @WithDefault("5")
    int attempts();

    /** The longest wait before the second run; each next one may wait twice as long, a random part of it. */
    @WithDefault("PT0.01S")
    Duration backoff();

    /** The longest wait between two runs. */
    @WithDefault("PT0.2S")
    Duration maxBackoff();
}
