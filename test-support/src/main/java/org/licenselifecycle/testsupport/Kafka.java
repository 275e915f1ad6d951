package org.licenselifecycle.testsupport;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A real Kafka broker for the tests of this JVM: the one named by {@code KAFKA_BOOTSTRAP_SERVERS} when
 * the environment gives one, otherwise a single KRaft broker in this JVM, started once.
 */
public final class Kafka {

    private static String bootstrapServers;

    private Kafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String given = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            if (given != null) {
                bootstrapServers = given;
            } else {
                EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker().withDeleteLogDirsOnClose(true).start();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
                bootstrapServers = broker.getAdvertisedListeners();
            }
        }
        return bootstrapServers;
    }

    /** A client for producing, consuming and administering topics on the rig's broker. */
    public static KafkaCompanion companion() {
        return new KafkaCompanion(bootstrapServers());
    }
}
