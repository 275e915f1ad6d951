package org.licenselifecycle.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RelayLingerTest {

    private static final long MS = 1_000_000;

    @Test
    void theLingerDoublesAfterEachBusyPassUpToTheMaximumAndFallsBackAfterAQuietOne() {
        RelayLinger linger = new RelayLinger(Duration.ofMillis(10), Duration.ofMillis(40), 32);
        assertThat(linger.nanos()).isEqualTo(10 * MS);
        linger.afterPass(32);
        assertThat(linger.nanos()).isEqualTo(20 * MS);
        linger.afterPass(500);
        assertThat(linger.nanos()).isEqualTo(40 * MS);
        linger.afterPass(100);
        assertThat(linger.nanos()).isEqualTo(40 * MS);
        linger.afterPass(31);
        assertThat(linger.nanos()).isEqualTo(10 * MS);
    }

    @Test
    void passesOfAFewEventsKeepTheConfiguredLinger() {
        RelayLinger linger = new RelayLinger(Duration.ofMillis(10), Duration.ofMillis(40), 32);
        linger.afterPass(0);
        linger.afterPass(4);
        assertThat(linger.nanos()).isEqualTo(10 * MS);
    }

    @Test
    void aMaximumBelowTheLingerLeavesTheLingerAsConfigured() {
        RelayLinger linger = new RelayLinger(Duration.ofMillis(10), Duration.ofMillis(5), 32);
        linger.afterPass(1000);
        assertThat(linger.nanos()).isEqualTo(10 * MS);
    }
}
