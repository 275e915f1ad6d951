package org.licenselifecycle.directory.offboarding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where and how offboarding asks data-lifecycle-service what deleting a user does to their data ({@link DataOutlook}). */
@ConfigMapping(prefix = "directory.lifecycle")
public interface LifecycleConfig {

    /** data-lifecycle-service's base URL (env {@code DIRECTORY_LIFECYCLE_URL}). */
    @WithDefault("http://localhost:8083")
    URI url();

    /** Short: the admin waits for the answer, and the offboarding is done already; a lifecycle away is said at once. */
    @WithDefault("PT0.5S")
    Duration connectTimeout();

    @WithDefault("PT2S")
    Duration readTimeout();
}
