package org.licenselifecycle.support.outbox;

import io.smallrye.reactive.messaging.ClientCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.eclipse.microprofile.config.Config;

/**
 * Gives the outbox channel's Kafka producer back its own retries. The channel sets SmallRye's {@code retries}
 * to 0, so that SmallRye does not re-send a failed record itself (it would retry a forbidden topic for
 * {@code delivery.timeout.ms}, and the relay would only ever see a timeout instead of the refusal); but
 * SmallRye passes that attribute on to the producer as Kafka's {@code retries}, and the idempotent producer
 * needs its retries (it refuses to start with none). Kafka's own retries are in order and without
 * duplicates, within {@code delivery.timeout.ms}; what fails after them the relay sends again.
 */
@ApplicationScoped
public class OutboxProducerRetries implements ClientCustomizer<Map<String, Object>> {

    @Override
    public Map<String, Object> customize(String channel, Config channelConfig, Map<String, Object> config) {
        if ("outbox".equals(channel)) {
            config.put(ProducerConfig.RETRIES_CONFIG, String.valueOf(Integer.MAX_VALUE));
        }
        return config;
    }
}
