package org.licenselifecycle.directory.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Kafka;
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
        for (String channel : new String[] {"license-events", "audit-events"}) {
            assertThat(Kafka.fetchSettings(clients, channel)).as(channel)
                    .containsExactly(entry("fetch.min.bytes", "65536"), entry("fetch.max.wait.ms", "20"));
        }
    }
}
