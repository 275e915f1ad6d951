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
 * (any of which overrides it), above Quarkus' {@code kafka.*} defaults. The channel's delayed-retry-topic consumer
 * reads the channel's configuration, so it fetches the same way; channels that do not name it keep Kafka's defaults.
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
