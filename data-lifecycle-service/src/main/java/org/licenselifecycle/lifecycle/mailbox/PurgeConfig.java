package org.licenselifecycle.lifecycle.mailbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The purge job: how often it runs ({@code lifecycle.purge.every}, a Quarkus scheduler period such as
 * {@code 1m}, or {@code off}) and how many mailboxes one transaction claims ({@code lifecycle.purge.batch-size}).
 */
@ConfigMapping(prefix = "lifecycle.purge")
public interface PurgeConfig {

    @WithDefault("1m")
    String every();

    @WithDefault("1000")
    int batchSize();
}
