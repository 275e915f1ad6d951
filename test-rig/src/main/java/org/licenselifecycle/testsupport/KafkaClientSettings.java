package org.licenselifecycle.testsupport;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.eclipse.microprofile.config.Config;

/**
 * The settings each Kafka client of the service under test was created with, as the connector computed them, for
 * the clients {@code KafkaClientService} does not hand out (a channel's delayed-retry-topic consumer). A bean in every
 * {@code @QuarkusTest} of a module that depends on test-rig; it changes nothing.
 */
@Singleton
public class KafkaClientSettings implements ClientCustomizer<Map<String, Object>> {

    /** The client id the connector gives a channel's delayed-retry-topic consumer, before the channel consumer's id. */
    private static final String RETRY_CONSUMER = "kafka-delayed-retry-topic-";

    private final Map<String, Map<String, Object>> byClientId = new ConcurrentHashMap<>();

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> settings) {
        Object clientId = settings.get(CommonClientConfigs.CLIENT_ID_CONFIG);
        if (clientId != null) {
            byClientId.put(clientId.toString(), Map.copyOf(settings));
        }
        return settings;
    }

    /** The settings of the delayed-retry-topic consumer of the channel whose consumer has this client id. */
    public Optional<Map<String, Object>> retryConsumerOf(String consumerClientId) {
        return Optional.ofNullable(byClientId.get(RETRY_CONSUMER + consumerClientId));
    }
}
