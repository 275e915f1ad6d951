package org.licenselifecycle.lifecycle.mailbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The purge job: how often it runs ({@code lifecycle.purge.every}, a Quarkus scheduler period such as
 * {@code 1m}, or {@code off}), how long after the start it first runs ({@code lifecycle.purge.first-after}) and how
 * many mailboxes one transaction claims ({@code lifecycle.purge.batch-size}).
 */
@ConfigMapping(prefix = "lifecycle.purge")
public interface PurgeConfig {

    @WithDefault("1m")
    String every();

    /**
     * Not during the start: run at once, the first run (translating its queries, compiling its code) took about 0.3 s
     * of CPU from the start in most of lifecycle's starts, as OneDriveDeletion's did
     * ({@code lifecycle.onedrive.deletion-first-after}, also 30 s).
     */
    @WithDefault("30s")
    String firstAfter();

    @WithDefault("1000")
    int batchSize();
}
