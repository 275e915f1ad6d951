package org.licenselifecycle.directory.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.BusyChannels;
import org.licenselifecycle.testsupport.KafkaClientSettings;
import org.licenselifecycle.testsupport.Rig;

/**
 * Directory's two consumer channels, the license events on the unassign path and every service's audit events, are
 * busy channels whose fetches wait to fill, and whose retry topics are fetched as Kafka says (service-support's
 * {@code BusyChannelFetch}, named by each channel).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class BusyChannelFetchTest {

    @Inject
    KafkaClientService clients;

    @Inject
    KafkaClientSettings settings;

    @Test
    void theLicenseEventsAndAuditEventsConsumersWaitForTheirFetchesToFill() {
        BusyChannels.assertFetchesWaitToFill(clients, "license-events");
        BusyChannels.assertFetchesWaitToFill(clients, "audit-events");
    }

    @Test
    void theirDelayedRetryTopicConsumersFetchAsKafkasDefaultsSay() {
        BusyChannels.assertRetryTopicsAreFetchedAsKafkasDefaultsSay(clients, settings, "license-events");
        BusyChannels.assertRetryTopicsAreFetchedAsKafkasDefaultsSay(clients, settings, "audit-events");
    }
}
