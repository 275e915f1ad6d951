package org.licenselifecycle.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * What a busy consumer channel's fetches must be, checked the one way in every service that has one: service-support's
 * {@code BusyChannelFetch}, named by the channel, makes them wait to fill.
 */
public final class BusyChannels {

    private BusyChannels() {
    }

    /** The channel's consumer waits for its fetches to fill: 64 KB, or 20 ms at the most. */
    public static void assertFetchesWaitToFill(KafkaClientService clients, String channel) {
        assertThat(Kafka.fetchSettings(clients, channel)).as(channel)
                .containsExactly(entry("fetch.min.bytes", "65536"), entry("fetch.max.wait.ms", "20"));
    }
}
