package org.licenselifecycle.lifecycle.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.BusyChannels;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.KafkaClientSettings;
import org.licenselifecycle.testsupport.Rig;

/**
 * The license events, on the unassign path, are a busy channel whose fetches wait to fill, and whose retry topics are
 * fetched as Kafka says (service-support's {@code BusyChannelFetch}, named by the channel); the quiet user events keep
 * Kafka's defaults.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class BusyChannelFetchTest {

    @Inject
    KafkaClientService clients;

    @Inject
    KafkaClientSettings settings;

    @Test
    void theLicenseEventsConsumerWaitsForItsFetchesToFillAndTheUserEventsConsumerFetchesAsKafkasDefaultsSay() {
        BusyChannels.assertFetchesWaitToFill(clients, "license-events");
        assertThat(Kafka.fetchSettings(clients, "user-events")).isEmpty();
    }

    @Test
    void theLicenseEventsDelayedRetryTopicConsumerFetchesAsKafkasDefaultsSay() {
        BusyChannels.assertRetryTopicsAreFetchedAsKafkasDefaultsSay(clients, settings, "license-events");
    }
}
