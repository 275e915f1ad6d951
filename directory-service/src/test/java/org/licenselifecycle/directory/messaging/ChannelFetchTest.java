package org.licenselifecycle.directory.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.Rig;

/**
 * Directory's consumer channels fetch as Kafka's defaults say: a fetch answers as soon as a record is there, and an
 * idle consumer asks twice a second. Fetches that waited 20 ms to fill cost more CPU than they saved on the unassign
 * path, and 50 fetches a second per idle channel (deploy/local/bench/README.md, "Fetches as Kafka's defaults say").
 */
@QuarkusTest
@WithTestResource(Rig.class)
class ChannelFetchTest {

    @Inject
    KafkaClientService clients;

    @Test
    void theLicenseEventsAndAuditEventsConsumersFetchAsKafkasDefaultsSay() {
        assertThat(Kafka.fetchSettings(clients, "license-events")).isEmpty();
        assertThat(Kafka.fetchSettings(clients, "audit-events")).isEmpty();
    }
}
