package org.licenselifecycle.licensing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.licenselifecycle.licensing.subscriptions.SubscriptionLifeJob;
import org.licenselifecycle.testsupport.MovableClock;

/**
 * A subscription's life as the tests drive it on the movable clock (a bean of the test application, so that it holds
 * the clock and the life job for them): bought at a time the test fixes, run through its life by the job at each of
 * its dates.
 */
@ApplicationScoped
public class SubscriptionLife {

    @Inject
    MovableClock clock;

    @Inject
    SubscriptionLifeJob job;

    /** Fixes the clock at {@code at}: what the test does next happens then. */
    public void fixClockAt(Instant at) {
        clock.fixAt(at);
    }

    /**
     * Runs the life job at each step of a year's subscription bought at {@code bought} with recurring billing off: at
     * its end (Expired), 30 days later (Disabled) and 90 days after that, when it is deleted.
     */
    public void runUntilDeleted(Instant bought) {
        Instant ends = bought.plus(Duration.ofDays(365));
        Instant disabled = ends.plus(Duration.ofDays(30));
        for (Instant at : List.of(ends, disabled, disabled.plus(Duration.ofDays(90)))) {
            clock.fixAt(at);
            job.run();
        }
    }
}
