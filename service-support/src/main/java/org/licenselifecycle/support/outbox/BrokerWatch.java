package org.licenselifecycle.support.outbox;

import io.quarkus.kafka.client.runtime.KafkaAdminClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Whether this replica can reach the Kafka broker, asked every {@code outbox.monitor.every} ({@link OutboxMonitor}; a cluster
 * description through Quarkus' Kafka admin client). A broker that does not answer is a degraded state, not an
 * unready pod: the HTTP API keeps serving and the outbox keeps the events. The relay skips its passes meanwhile
 * (instead of piling duplicates into the producer), and resumes at its next tick once the broker answers. Shown
 * in readiness details ({@link KafkaBrokerHealthCheck}) and metrics ({@link OutboxMonitor}).
 */
@ApplicationScoped
public class BrokerWatch {

    private static final Logger LOG = Logger.getLogger(BrokerWatch.class);

    /** What the last check found; {@code reachable} is empty before the first check. */
    public record Reachability(Optional<Boolean> reachable, Instant since, String lastError) {
    }

    private final KafkaAdminClient admin;
    private final OutboxMonitorConfig config;
    private final Clock clock;
    private volatile Reachability state;

    BrokerWatch(KafkaAdminClient admin, OutboxMonitorConfig config, Clock clock) {
        this.admin = admin;
        this.config = config;
        this.clock = clock;
        this.state = new Reachability(Optional.empty(), clock.instant(), null);
    }

    public Reachability reachability() {
        return state;
    }

    /** True only when the last check failed: before the first check the broker is assumed there. */
    public boolean unreachable() {
        return state.reachable().map(up -> !up).orElse(false);
    }

    /** Asks the broker now. */
    public void check() {
        try {
            admin.getCluster().nodes().get(config.brokerTimeout().toMillis(), TimeUnit.MILLISECONDS);
            record(true, null);
        } catch (ExecutionException | RuntimeException e) {
            record(false, Refusals.describe(e));
        } catch (TimeoutException e) {
            record(false, "no answer within " + config.brokerTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(boolean reachable, String error) {
        Reachability before = state;
        boolean changed = before.reachable().map(was -> was != reachable).orElse(true);
        state = new Reachability(Optional.of(reachable), changed ? clock.instant() : before.since(), error);
        if (changed && !reachable) {
            LOG.warnf("Kafka broker unreachable (%s): the API keeps serving, events wait in the outbox", error);
        } else if (changed && before.reachable().isPresent()) {
            LOG.infof("Kafka broker reachable again after %s: the outbox relay resumes",
                    Duration.between(before.since(), state.since()));
        }
    }
}
