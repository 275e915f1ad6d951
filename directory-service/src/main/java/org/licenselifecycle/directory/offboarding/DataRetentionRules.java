package org.licenselifecycle.directory.offboarding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The data-lifecycle rules that removing a former employee quotes ({@code directory.offboarding.*}):
 * data-lifecycle-service applies them and has the authority; set these to its configured values so the
 * dates this service announces match.
 */
@ConfigMapping(prefix = "directory.offboarding")
public interface DataRetentionRules {

    /** Exchange Online holds a de-licensed mailbox's data this long (lifecycle.mailbox.grace-period). */
    @WithDefault("P30D")
    Duration mailboxGracePeriod();

    /** OneDrive of a deleted user is kept this long (the tenant's OneDrive retention, default 30 days). */
    @WithDefault("P30D")
    Duration oneDriveRetention();
}
