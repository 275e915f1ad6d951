package org.licenselifecycle.licensing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.licenselifecycle.licensing.subscriptions.SubscriptionLifeJob;
import org.licenselifecycle.testsupport.MovableClock;

/**
 * A subscription's life as the tests drive it on the movable clock (a bean of the test application, so that it holds
 * the clock and the life job for them). A subscription bought at {@link #BOUGHT} with recurring billing off
 * ({@link #buyEnding}) ends a year later, is Disabled 30 days after that and Deleted 90
 * days after that; the job steps it at each of those times. The clock returns to the system's time after each test
 * ({@code ReleaseClockAfterEachTest}).
 */
@ApplicationScoped
public class SubscriptionLife {

    static final Instant BOUGHT = Instant.parse("2027-03-01T09:00:00Z");
    static final Instant ENDS = BOUGHT.plus(Duration.ofDays(365));
    static final Instant DISABLED = ENDS.plus(Duration.ofDays(30));
    static final Instant DELETED = DISABLED.plus(Duration.ofDays(90));

    @Inject
    MovableClock clock;

    @Inject
    SubscriptionLifeJob job;

    /**
     * Buys a subscription at {@link #BOUGHT} with recurring billing off, as the tenant's Global Administrator; the
     * clock stays there. Returns its id.
     */
    public String buyEnding(TestTenant tenant, UUID skuId, int licenses) {
        clock.fixAt(BOUGHT);
        return tenant.buy(skuId, licenses, false, false);
    }

    /** Fixes the clock at {@code at}: what the test does next happens then. */
    public void fixClockAt(Instant at) {
        clock.fixAt(at);
    }

    /** Back to the system's time within a test (between rounds of one). */
    public void releaseClock() {
        clock.release();
    }

    /** Runs the life job once, at the clock's time; returns what it returns. */
    public int run() {
        return job.run();
    }

    /** Runs the job at each of these times, one after the other; the clock stays at the last. */
    public void runAt(Instant... times) {
        for (Instant at : times) {
            clock.fixAt(at);
            job.run();
        }
    }

    /** Runs the job at each step of the life of a subscription bought at {@link #BOUGHT}, until it is deleted. */
    public void runUntilDeleted() {
        runAt(ENDS, DISABLED, DELETED);
    }
}
