package org.licenselifecycle.lifecycle.mailbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What Prometheus sees of the mailboxes and their purge, tagged at most by a mailbox state (never a tenant or user):
 * {@code mailboxes{state}}, {@code purge_due_mailboxes} (due now and not yet purged, by {@link Mailbox}'s own rule),
 * {@code purge_lag_seconds} (how long the oldest due mailbox has been due: alert when the purge falls behind) and
 * {@code purge_mailboxes_purged_total}. Counted every {@code lifecycle.metrics.every} (default 30 s) by each replica.
 */
@ApplicationScoped
public class MailboxMetrics {

    private static final String BY_STATE = "mailboxes";
    private static final String DUE = "purge.due.mailboxes";
    private static final String LAG = "purge.lag";
    private static final String PURGED = "purge.mailboxes.purged";

    private final EntityManager em;
    private final Clock clock;
    private MultiGauge byState;
    private volatile long due;
    private volatile Duration lag = Duration.ZERO;
    private Counter purged;

    MailboxMetrics(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    void start(@Observes StartupEvent started, MeterRegistry metrics) {
        // Micrometer's global registry outlives an application restarted in the same JVM (tests): start afresh
        List.of(BY_STATE, DUE, LAG).forEach(name -> metrics.find(name).meters().forEach(metrics::remove));
        byState = MultiGauge.builder(BY_STATE).description("Mailboxes by state").register(metrics);
        Gauge.builder(DUE, this, m -> m.due).description("Mailboxes due for the purge now and not purged yet")
                .strongReference(true).register(metrics);
        TimeGauge.builder(LAG, this, TimeUnit.SECONDS, m -> m.lag.toMillis() / 1000.0)
                .description("How long the oldest mailbox due for the purge has been due").strongReference(true)
                .register(metrics);
        purged = Counter.builder(PURGED).description("Mailboxes the grace-period purge purged").register(metrics);
    }

    /** The purge committed a batch of {@code mailboxes}. */
    void purged(int mailboxes) {
        if (purged != null) {
            purged.increment(mailboxes);
        }
    }

    @Scheduled(identity = "mailbox-metrics", every = "${lifecycle.metrics.every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void count() {
        if (byState == null) {
            return;
        }
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> states = em.createNativeQuery("SELECT state, count(*) FROM mailbox GROUP BY state").getResultList();
            byState.register(states.stream().map(row -> MultiGauge.Row.of(Tags.of("state", (String) row[0]),
                    ((Number) row[1]).longValue())).toList(), true);
            // the purge's own rule (Mailbox.DUE_AT_NOW), on the partial index mailbox_purge_due
            Object[] dueNow = (Object[]) em.createNativeQuery(
                    "SELECT count(*), min(m.purge_after) FROM mailbox m WHERE " + Mailbox.DUE_AT_NOW)
                    .setParameter("now", now).getSingleResult();
            due = ((Number) dueNow[0]).longValue();
            lag = dueNow[1] == null ? Duration.ZERO : Duration.between(instant(dueNow[1]), now);
        });
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }
}
