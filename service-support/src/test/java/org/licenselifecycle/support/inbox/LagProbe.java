package org.licenselifecycle.support.inbox;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A consumer of {@value #TOPIC} that takes one record a poll (channel in the test resources' application.properties)
 * and, once {@link #hold()} is called, holds up the next record until {@link #release()}: the records published behind
 * it wait, and are then taken one by one, each poll finding the consumer behind by those still waiting, as a consumer
 * that has fallen behind is (ConsumerLagMetricsTest).
 */
@ApplicationScoped
public class LagProbe {

    static final String TOPIC = "inbox.lag-probe-events";
    /** The Kafka client id SmallRye gives the channel's consumer ({@code kafka-consumer-<channel>}), a tag of its metrics. */
    static final String CLIENT_ID = "kafka-consumer-lag-probe";

    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

    @Incoming("lag-probe")
    @Blocking
    public void consume(String record) throws InterruptedException {
        if (!gate.get().await(3, TimeUnit.MINUTES)) {
            throw new IllegalStateException("lag probe: held for 3 minutes, never released");
        }
    }

    /** The next record (and with it those behind it) waits until {@link #release()}. */
    void hold() {
        gate.set(new CountDownLatch(1));
    }

    void release() {
        gate.get().countDown();
    }
}
