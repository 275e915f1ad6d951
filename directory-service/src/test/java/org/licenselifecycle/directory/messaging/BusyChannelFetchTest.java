package org.licenselifecycle.directory.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.BusyChannels;
import org.licenselifecycle.testsupport.Rig;

/**
 * Directory's two consumer channels, the license events on the unassign path and every service's audit events, are
 * busy channels whose fetches wait to fill (service-support's {@code BusyChannelFetch}, named by each channel).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class BusyChannelFetchTest {

    @Inject
    KafkaClientService clients;

    @Test
    void theLicenseEventsAndAuditEventsConsumersWaitForTheirFetchesToFill() {
        BusyChannels.assertFetchesWaitToFill(clients, "license-events");
        BusyChannels.assertFetchesWaitToFill(clients, "audit-events");
    }
}
