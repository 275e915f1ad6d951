package org.licenselifecycle.directory;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Health;
import org.licenselifecycle.testsupport.Rig;

/** Health and metrics of directory-service. */
@QuarkusTest
@WithTestResource(Rig.class)
class HealthTest {

    @Test
    void readinessNeedsTheDatabaseAndReportsTheBrokerWithoutDependingOnIt() {
        Health.assertReadyAliveAndStartedWithTheBrokerReported();
    }

    @Test
    void theBrokerAndTheOutboxAreMetrics() {
        Health.assertBrokerAndOutboxMetrics();
    }
}
