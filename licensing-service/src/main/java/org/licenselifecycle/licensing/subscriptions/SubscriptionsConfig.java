package org.licenselifecycle.licensing.subscriptions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Terms of new subscriptions: how long until they renew, and how long they can still be cancelled. */
@ConfigMapping(prefix = "licensing.subscriptions")
public interface SubscriptionsConfig {

    /** A paid subscription's term, after which it renews (recurring billing on) or ends. */
    @WithDefault("P365D")
    Duration term();

    @WithDefault("P30D")
    Duration trialTerm();

    /** "For some subscriptions, you can only cancel during a limited window of time after you buy." */
    @WithDefault("P7D")
    Duration cancellationWindow();
}
