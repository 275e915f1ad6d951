package org.licenselifecycle.support.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Every {@code outbox.monitor.every}, each replica asks the broker whether it answers ({@link BrokerWatch}) and
 * counts its outbox ({@link OutboxBacklog}); what it saw is in the readiness details and in the Prometheus gauges
 * {@code kafka_broker_reachable} (1 or 0), {@code outbox_events_waiting}, {@code outbox_oldest_waiting_age_seconds}
 * and {@code outbox_events_set_aside}. Alert on these, not on the probes: a broker away keeps every pod ready.
 */
@ApplicationScoped
public class OutboxMonitor {

    private static final String OLDEST_WAITING_AGE = "outbox.oldest.waiting.age";

    void start(@Observes StartupEvent started, Scheduler scheduler, OutboxMonitorConfig config, MeterRegistry metrics,
            BrokerWatch broker, OutboxBacklog backlog) {
        scheduler.newJob(OutboxMonitor.class.getName())
                .setInterval(config.every().toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setSkipPredicate(Scheduled.ApplicationNotRunning.class)
                .setTask(execution -> {
                    broker.check();
                    backlog.count();
                })
                .schedule();
        gauge(metrics, "kafka.broker.reachable", "1 when this replica's last check reached the Kafka broker, 0 when not",
                () -> broker.reachability().reachable().map(up -> up ? 1.0 : 0.0).orElse(Double.NaN));
        gauge(metrics, "outbox.events.waiting", "Outbox events not yet acknowledged by the broker, set-aside ones apart",
                () -> backlog.last().waiting());
        gauge(metrics, "outbox.events.set.aside", "Outbox events the broker refused for good, waiting for an administrator",
                () -> backlog.last().setAside());
        forgetEarlier(metrics, OLDEST_WAITING_AGE);
        TimeGauge.builder(OLDEST_WAITING_AGE, backlog, TimeUnit.SECONDS, outbox -> outbox.last().oldestWaitingAge().toMillis() / 1000.0)
                .description("How long the oldest waiting outbox event has waited")
                .strongReference(true)
                .register(metrics);
    }

    private static void gauge(MeterRegistry metrics, String name, String description, Supplier<Number> value) {
        forgetEarlier(metrics, name);
        Gauge.builder(name, value).description(description).strongReference(true).register(metrics);
    }

    /**
     * Quarkus' registry is Micrometer's global one, which outlives an application restarted in the same JVM (as
     * tests do): registering a name it already has would return the old gauge, reading the old application's
     * objects. So a name is registered afresh.
     */
    private static void forgetEarlier(MeterRegistry metrics, String name) {
        metrics.find(name).meters().forEach(metrics::remove);
    }
}
