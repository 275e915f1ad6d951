package org.licenselifecycle.lifecycle.mailbox;

import java.time.Duration;

/**
 * How long a mailbox's data is kept once nothing protects it any more.
 *
 * @param gracePeriod after the last Exchange Online license was removed (30 days by default)
 * @param softDeletedRetention after the user was deleted, for a mailbox that does not become inactive
 */
public record Retention(Duration gracePeriod, Duration softDeletedRetention) {

    public static Retention of(GracePeriodConfig config) {
        return new Retention(config.gracePeriod(), config.softDeletedRetention());
    }
}
