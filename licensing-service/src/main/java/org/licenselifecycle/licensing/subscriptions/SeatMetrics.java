package org.licenselifecycle.licensing.subscriptions;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.licenselifecycle.support.sql.Sql;

/**
 * The Prometheus gauge {@code seats_available{sku="<skuPartNumber>"}}: the seats of each product no one holds yet,
 * summed over the tenants (a tenant is never a tag; the products are bounded by the catalog). Read from
 * {@code seat_use} (seats given back count as free before they are folded), one small grouped query every
 * {@code licensing.metrics.every} (default 30 s).
 */
@ApplicationScoped
public class SeatMetrics {

    static final String NAME = "seats.available";

    private final Sql sql;
    private MultiGauge available;

    SeatMetrics(Sql sql) {
        this.sql = sql;
    }

    void start(@Observes StartupEvent started, MeterRegistry metrics) {
        // Micrometer's global registry outlives an application restarted in the same JVM (tests): start afresh
        metrics.find(NAME).meters().forEach(metrics::remove);
        available = MultiGauge.builder(NAME).description("Seats of a product no one holds, summed over the tenants")
                .register(metrics);
    }

    @Scheduled(identity = "seat-metrics", every = "${licensing.metrics.every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void count() {
        if (available == null) {
            return;
        }
        available.register(sql.list("""
                SELECT p.sku_part_number, sum(greatest(s.total - s.assigned, 0))
                FROM seat_use s JOIN product p ON p.sku_id = s.sku_id
                GROUP BY p.sku_part_number""",
                row -> MultiGauge.Row.of(Tags.of("sku", row.getString(1)), row.getLong(2))), true);
    }
}
