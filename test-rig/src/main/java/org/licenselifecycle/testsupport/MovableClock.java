package org.licenselifecycle.testsupport;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's Clock in tests: the system's time, or an instant a test fixes it at (to assert event times
 * exactly, or to walk past a grace period or a retention window). Replaces the default Clock bean of
 * service-support in every @QuarkusTest of a module that depends on test-support. It returns to the
 * system's time after each test method ({@link ReleaseClockAfterEachTest}).
 */
@Singleton
public class MovableClock extends Clock {

    private volatile Instant fixed;

    public void fixAt(Instant instant) {
        fixed = instant;
    }

    public void release() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant now = fixed;
        return now == null ? Instant.now() : now;
    }
}
