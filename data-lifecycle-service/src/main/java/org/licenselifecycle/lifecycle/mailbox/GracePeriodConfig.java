package org.licenselifecycle.lifecycle.mailbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The grace period of the source document: how long Exchange Online holds the data of a mailbox whose
 * license was removed before it is deleted for good ({@code lifecycle.mailbox.grace-period}, ISO-8601),
 * and how long a deleted user's mailbox that does not become inactive is kept
 * ({@code lifecycle.mailbox.soft-deleted-retention}).
 */
@ConfigMapping(prefix = "lifecycle.mailbox")
public interface GracePeriodConfig {

    @WithDefault("P30D")
    Duration gracePeriod();

    @WithDefault("P30D")
    Duration softDeletedRetention();
}
