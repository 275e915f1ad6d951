package org.licenselifecycle.support.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often each replica looks at the broker and at its outbox, for health details and metrics. */
@ConfigMapping(prefix = "outbox.monitor")
public interface OutboxMonitorConfig {

    /** How often the broker is asked whether it answers, and the outbox's backlog is counted. */
    @WithDefault("PT5S")
    Duration every();

    /** How long the broker has to describe its cluster before it counts as unreachable. */
    @WithDefault("PT2S")
    Duration brokerTimeout();
}
