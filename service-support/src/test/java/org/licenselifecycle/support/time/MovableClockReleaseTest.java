package org.licenselifecycle.support.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.testsupport.Rig;

/** A test that fixes the clock leaves the next test on the system's time without releasing it itself. */
@QuarkusTest
@WithTestResource(Rig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MovableClockReleaseTest {

    @Inject
    MovableClock clock;

    @Test
    @Order(1)
    void aTestFixesTheClockAndDoesNotReleaseIt() {
        clock.fixAt(Instant.parse("2001-01-01T00:00:00Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2001-01-01T00:00:00Z"));
    }

    @Test
    @Order(2)
    void theNextTestRunsOnTheSystemsTime() {
        assertThat(Duration.between(clock.instant(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));
    }
}
