package org.licenselifecycle.licensing.subscriptions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Terms of subscriptions: how long until they renew, how long they can still be cancelled, and how long one that
 * is not renewed stays in each state of its life ({@link SubscriptionLife}).
 */
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

    /** {@code licensing.subscriptions.life.*}: the life of a subscription that is not renewed. */
    Life life();

    /**
     * "Active > Expired > Disabled > Deleted", for most offers: 30 days Expired, 90 days Disabled. A trial whose
     * recurring billing is off is deleted when its 30 days Expired are over ("After the 30-day Expired status ends,
     * your trial account information and data are permanently deleted"): no days Disabled.
     */
    interface Life {

        /** How long a paid subscription stays Expired (users keep access) after its end date. */
        @WithDefault("P30D")
        Duration expired();

        /** How long a paid subscription then stays Disabled (users lose access, admins keep the data). */
        @WithDefault("P90D")
        Duration disabled();

        @WithDefault("P30D")
        Duration trialExpired();

        @WithDefault("P0D")
        Duration trialDisabled();

        /** How often the job moves subscriptions on: a Quarkus scheduler period such as {@code 1m}, or {@code off}. */
        @WithDefault("1m")
        String every();

        /**
         * How long after the start the job first runs. Run at once, its first run (its classes loaded, its code
         * compiled; its query then translated by Hibernate) took 0.4-0.8 s of CPU in about half of licensing's starts
         * on two cores, on the cores the start itself needs; and a service stopped sooner than this has not begun a
         * run it would cut short.
         */
        @WithDefault("30s")
        String firstAfter();

        /** How many subscriptions one pass of the job reads at a time. */
        @WithDefault("500")
        int batchSize();
    }
}
