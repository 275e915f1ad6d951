package org.licenselifecycle.directory.users;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The end of the deleted-items window: removes deleted users whose {@code purgeAfter} has passed, in
 * batches of their own transactions. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so however
 * many replicas run it each user is purged once, and a second run finds nothing left to do.
 */
@ApplicationScoped
public class DeletedUsersPurge {

    private static final Logger LOG = Logger.getLogger(DeletedUsersPurge.class);

    private final UserRepository users;
    private final DeletedItemsService deletedItems;
    private final DeletedUsersConfig config;
    private final Clock clock;

    DeletedUsersPurge(UserRepository users, DeletedItemsService deletedItems, DeletedUsersConfig config, Clock clock) {
        this.users = users;
        this.deletedItems = deletedItems;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${directory.deleted-users.purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int purged = purgeDue();
        if (purged > 0) {
            LOG.infof("Purged %d deleted users past the deleted-items window", purged);
        }
    }

    /** @return how many deleted users past their window were removed, now by the injected clock */
    public int purgeDue() {
        Instant now = clock.instant();
        int batchSize = config.purgeBatchSize();
        int total = 0;
        int purged;
        do {
            purged = QuarkusTransaction.requiringNew().call(() -> purgeBatch(now, batchSize));
            total += purged;
        } while (purged == batchSize);
        return total;
    }

    private int purgeBatch(Instant now, int batchSize) {
        List<UUID> due = users.claimDueForPurge(now, batchSize);
        // the claim holds the rows' locks until commit: findById reads them without waiting
        due.forEach(id -> deletedItems.purge(users.findById(id), null));
        return due.size();
    }
}
