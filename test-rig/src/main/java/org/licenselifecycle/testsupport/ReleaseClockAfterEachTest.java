package org.licenselifecycle.testsupport;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Gives the {@link MovableClock} back to the system's time after every @QuarkusTest method, so a test that
 * fixes the clock cannot leak its instant into the next one, and no test has to remember to release it.
 * Registered through {@code META-INF/services}.
 */
public class ReleaseClockAfterEachTest implements QuarkusTestAfterEachCallback {

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        if (Arc.container() == null) {
            return;
        }
        try (InstanceHandle<MovableClock> clock = Arc.container().instance(MovableClock.class)) {
            if (clock.isAvailable()) {
                clock.get().release();
            }
        }
    }
}
