package org.licenselifecycle.support.inbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How the busy consumer channels fetch (lifecycle's and directory's license events, directory's audit events), written
 * once. A channel takes it with SmallRye Kafka's named configuration,
 * {@code mp.messaging.incoming.<channel>.kafka-configuration=busy-channel-fetch}: below the channel's own attributes
 * (any of which overrides it), above Quarkus' {@code kafka.*} defaults; channels that do not name it keep Kafka's defaults.
 * <p>
 * The channel's delayed-retry-topic consumer reads the channel's configuration, so it would fetch the same way from
 * its retry topics, which are empty almost always: 50 empty fetches a second for each busy channel, a third of
 * lifecycle's consumer CPU and half of the broker's fetch work in the path benchmark. So each busy channel gives that
 * consumer Kafka's defaults back, {@code mp.messaging.incoming.<channel>.delayed-retry-topic.consumer.fetch.min.bytes=1}
 * and {@code ...fetch.max.wait.ms=500}: the connector reads the retry consumer's attributes there first. (Naming
 * another configuration there would not do: the connector builds the retry consumer's on the channel's, this one
 * included, which stands above any it names.) A fetch of the retry topics answers as soon as a record is there, and a
 * retried record waits 10 s or more in them anyway.
 */
@ApplicationScoped
public class BusyChannelFetch {

    public static final String NAME = "busy-channel-fetch";

    /**
     * Fetches wait up to 20 ms to fill (64 KB, more than 20 ms of the path's records): at 200 unassigns/s one fetch of
     * several records instead of one per relay pass, and bigger Inbox batches; about a third less CPU per record in the
     * broker and the consumer (InboxOnKafkaTiming), for 10 ms more wait on average, 20 at most.
     */
    @Produces
    @Identifier(NAME)
    Map<String, Object> consumerSettings() {
        return Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536", ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
    }
}
