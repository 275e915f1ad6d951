package org.licenselifecycle.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * What a busy consumer channel's fetches must be, checked the one way in every service that has one: service-support's
 * {@code BusyChannelFetch}, named by the channel, makes them wait to fill, and its retry topics fetched as Kafka says.
 */
public final class BusyChannels {

    private BusyChannels() {
    }

    /** The channel's consumer waits for its fetches to fill: 64 KB, or 20 ms at the most. */
    public static void assertFetchesWaitToFill(KafkaClientService clients, String channel) {
        assertThat(Kafka.fetchSettings(clients, channel)).as(channel)
                .containsExactly(entry("fetch.min.bytes", "65536"), entry("fetch.max.wait.ms", "20"));
    }

    /**
     * The channel's delayed-retry-topic consumer fetches as Kafka's defaults say (a record at once, else 500 ms), not
     * as the channel's consumer: its topics are empty almost always, and 20 ms fetches of them would cost CPU for
     * nothing.
     */
    public static void assertRetryTopicsAreFetchedAsKafkasDefaultsSay(KafkaClientService clients, KafkaClientSettings settings,
            String channel) {
        Object consumerClientId = clients.getConsumer(channel).configuration().get(CommonClientConfigs.CLIENT_ID_CONFIG);
        assertThat(settings.retryConsumerOf(consumerClientId.toString())).as("%s's delayed-retry-topic consumer", channel)
                .hasValueSatisfying(retry -> assertThat(retry)
                        .containsEntry(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1")
                        .containsEntry(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500"));
    }
}
