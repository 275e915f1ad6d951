package org.licenselifecycle.lifecycle.mailbox;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * The purge and the OneDrive deletion are scheduled as in production (the other tests turn them off and run them
 * themselves), every hour: their first runs come 30 s after the start ({@code lifecycle.purge.first-after},
 * {@code lifecycle.onedrive.deletion-first-after}), not during it.
 */
@QuarkusTest
@TestProfile(JobsAfterTheStartTest.Scheduled.class)
@WithTestResource(Rig.class)
class JobsAfterTheStartTest {

    public static class Scheduled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("lifecycle.purge.every", "1h", "lifecycle.onedrive.deletion-every", "1h");
        }
    }

    @Inject
    Scheduler scheduler;

    @Test
    void thePurgeAndTheOneDriveDeletionDoNotRunDuringTheStart() {
        List<Trigger> jobs = List.of(scheduler.getScheduledJob("grace-period-purge"),
                scheduler.getScheduledJob("onedrive-deletion"));

        assertThat(jobs).doesNotContainNull();
        // the scheduler looks at its jobs every second: scheduled without a delay, they would have run by now
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(() -> jobs.stream().allMatch(job -> job.getPreviousFireTime() == null));
    }
}
