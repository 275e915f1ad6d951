package org.licenselifecycle.lifecycle.onedrive;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Deletes the OneDrive of a deleted user once the tenant's OneDrive retention is over (by the injected
 * Clock). Claims due rows in batches with {@code FOR UPDATE SKIP LOCKED}: several replicas share the work
 * and none deletes one twice.
 */
@ApplicationScoped
public class OneDriveDeletion {

    static final int BATCH = 500;

    private final Clock clock;
    private final OneDriveService oneDrives;
    private final Counter deletions;

    OneDriveDeletion(Clock clock, OneDriveService oneDrives, MeterRegistry metrics) {
        this.deletions = Counter.builder("onedrive.deletions")
                .description("OneDrives deleted at the end of their retention").register(metrics);
        this.clock = clock;
        this.oneDrives = oneDrives;
    }

    @Scheduled(identity = "onedrive-deletion", every = "${lifecycle.onedrive.deletion-every:10m}",
            delayed = "${lifecycle.onedrive.deletion-first-after:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        deleteDue();
    }

    /** Deletes every OneDrive due now; returns how many. */
    public int deleteDue() {
        Instant now = clock.instant();
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(() -> {
                List<OneDrive> due = OneDrive.<OneDrive>find("state = ?1 and deleteAfter <= ?2 order by deleteAfter",
                                OneDriveState.RETAINED, now)
                        .withLock(LockModeType.PESSIMISTIC_WRITE)
                        .withHint("jakarta.persistence.lock.timeout", -2)
                        .page(0, BATCH).list();
                due.forEach(oneDrive -> oneDrives.delete(oneDrive, now));
                return due.size();
            });
            total += batch;
            deletions.increment(batch);
        } while (batch == BATCH);
        return total;
    }
}
