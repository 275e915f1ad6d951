package org.licenselifecycle.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/**
 * Points a {@code @QuarkusTest} at the rig's PostgreSQL and at a Kafka broker of its own, which the test stops
 * and starts again ({@link #stopBroker}, {@link #startBroker}) to see what the service does while the broker is
 * away. The broker comes back on the same ports with the same log directory, as a restarted broker would. A
 * test class with this resource runs in an application of its own (Quarkus starts it once more), so that
 * stopping this broker never disturbs the module's other tests, which share the rig's broker. This broker is
 * always embedded in the test JVM, under either {@link Servers} choice: a container would come back on other ports.
 */
public class OwnBrokerRig implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;
    private static Path logDir;

    @Override
    public Map<String, String> start() {
        try {
            logDir = Files.createTempDirectory("own-kafka-broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path dir = logDir;
        broker = new EmbeddedKafkaBroker()
                .withKafkaPort(freePort())
                .withControllerPort(freePort())
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(properties -> properties.put("log.dir", dir.toString()))
                .start();
        Map<String, String> config = Rig.database();
        config.put("kafka.bootstrap.servers", broker.getAdvertisedListeners());
        return config;
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            try {
                Utils.delete(logDir.toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Stops the broker: clients lose their connections and cannot reconnect until {@link #startBroker}. */
    public static synchronized void stopBroker() {
        broker.close();
    }

    /** Starts the stopped broker again, on the same ports and with the topics and offsets it had. */
    public static synchronized void startBroker() {
        broker.start();
    }

    /** A client of this broker. */
    public static KafkaCompanion companion() {
        return new KafkaCompanion(broker.getAdvertisedListeners());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
