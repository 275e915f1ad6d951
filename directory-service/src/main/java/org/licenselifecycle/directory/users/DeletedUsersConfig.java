package org.licenselifecycle.directory.users;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long a deleted user stays in deleted items, restorable with the same id, before the purge removes
 * them for good ({@code directory.deleted-users.*}).
 */
@ConfigMapping(prefix = "directory.deleted-users")
public interface DeletedUsersConfig {

    /** Entra ID keeps deleted users for 30 days. */
    @WithDefault("P30D")
    Duration retention();

    /** How many deleted users one purge transaction removes. */
    @WithDefault("100")
    int purgeBatchSize();

    /** How often the purge looks for users past the window (a Quarkus scheduler period, e.g. {@code 1h}). */
    @WithDefault("1h")
    String purgeEvery();
}
