package org.licenselifecycle.support.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often a consumer tries an event whose effect failed before it goes to the dead-letter topic. */
@ConfigMapping(prefix = "inbox.retry")
public interface InboxConfig {

    /** Tries in all, the first included; 1 sends a failed event to the dead-letter topic at once. */
    @WithDefault("6")
    int attempts();

    /** The wait before the second try; it doubles before each next one. */
    @WithDefault("PT0.5S")
    Duration backoff();

    /** The longest wait between two tries. */
    @WithDefault("PT8S")
    Duration maxBackoff();
}
