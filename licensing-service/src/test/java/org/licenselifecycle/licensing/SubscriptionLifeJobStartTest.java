package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * The subscription life job is scheduled as in production (the other tests turn it off and run it themselves), every
 * hour: its first run comes {@code licensing.subscriptions.life.first-after} (30 s) after the start, not during it.
 * (Quarkus' interval trigger reports its next fire time as one period after the first, so the first run's time is
 * not read from it.)
 */
@QuarkusTest
@TestProfile(SubscriptionLifeJobStartTest.Scheduled.class)
@WithTestResource(Rig.class)
class SubscriptionLifeJobStartTest {

    public static class Scheduled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("licensing.subscriptions.life.every", "1h");
        }
    }

    @Inject
    Scheduler scheduler;

    @Test
    void theJobDoesNotRunDuringTheStart() {
        Trigger job = scheduler.getScheduledJob("subscription-life");

        assertThat(job).isNotNull();
        // the scheduler looks at its jobs every second: scheduled without a delay, the job would have run by now
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> job.getPreviousFireTime() == null);
    }
}
