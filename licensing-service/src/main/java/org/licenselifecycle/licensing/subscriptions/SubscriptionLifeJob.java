package org.licenselifecycle.licensing.subscriptions;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.licenselifecycle.contract.audit.Activity;
import org.licenselifecycle.support.audit.AuditTargets;

/**
 * Moves subscriptions on through their life ({@link SubscriptionLife}) at the injected Clock's time: renews, expires,
 * disables and deletes them. Each step is one transaction on one subscription, taken with {@code FOR UPDATE SKIP
 * LOCKED}, so replicas running the job at once share the work and never step one subscription twice; a step
 * re-reads the locked row, so running again does nothing more. Seats move in the same transaction; a deletion's
 * LicenseRemoved events go through the outbox there too ({@link SubscriptionDeletionEffects}).
 */
@ApplicationScoped
public class SubscriptionLifeJob {

    private static final Logger LOG = Logger.getLogger(SubscriptionLifeJob.class);
    private static final UUID FIRST = new UUID(0, 0);

    private final SubscriptionLife life;
    private final Seats seats;
    private final SubscriptionDeletionEffects deletion;
    private final SubscriptionsConfig config;
    private final SubscriptionAudit audit;
    private final Clock clock;
    private final SubscriptionRepository subscriptions;

    SubscriptionLifeJob(SubscriptionLife life, Seats seats, SubscriptionDeletionEffects deletion, SubscriptionsConfig config,
            SubscriptionAudit audit, Clock clock, SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
        this.life = life;
        this.seats = seats;
        this.deletion = deletion;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(identity = "subscription-life", every = "${licensing.subscriptions.life.every:1m}",
            delayed = "${licensing.subscriptions.life.first-after:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int steps = run();
        if (steps > 0) {
            LOG.infof("Subscription life: %d subscriptions renewed, expired, disabled or deleted", steps);
        }
    }

    /**
     * Steps every subscription whose time has come, pass after pass until a pass changes nothing (a subscription
     * takes one step per pass).
     *
     * @return how many steps were taken
     */
    public int run() {
        Instant now = clock.instant();
        int steps = 0;
        int pass;
        do {
            pass = pass(now);
            steps += pass;
        } while (pass > 0);
        return steps;
    }

    private int pass(Instant now) {
        int steps = 0;
        UUID after = FIRST;
        List<UUID> batch;
        do {
            UUID from = after;
            batch = QuarkusTransaction.requiringNew().call(() -> subscriptions.dateCome(now, from, config.life().batchSize()));
            for (UUID id : batch) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> step(id, now))) {
                        steps++;
                    }
                } catch (RuntimeException e) {
                    // this subscription waits for the next run; the others go on
                    LOG.warnf(e, "Subscription life could not move subscription %s on; the next run tries again", id);
                }
            }
            after = batch.isEmpty() ? after : batch.get(batch.size() - 1);
        } while (batch.size() == config.life().batchSize());
        return steps;
    }

    /** One step of one subscription, in the caller's transaction; false when it had none to take or was busy. */
    private boolean step(UUID id, Instant now) {
        Subscription subscription = subscriptions.lockedUnlessBusy(id);
        if (subscription == null) {
            return false;
        }
        SubscriptionStatus statusBefore = subscription.status;
        Instant nextBefore = subscription.nextLifecycleAt;
        switch (life.next(subscription, now)) {
            case NONE -> {
                return false;
            }
            case RENEW -> subscription.renew(life.term(), life.cancellationWindow());
            case EXPIRE -> subscription.expire(now);
            case DISABLE -> {
                if (subscription.disable(now)) {
                    seats.disable(subscription.tenantId, subscription.skuId, subscription.licenses);
                }
            }
            case DELETE -> {
                int disabledLicenses = subscription.licensesHeldWhileDisabled() ? subscription.licenses : 0;
                subscription.delete(now);
                deletion.subscriptionDeleted(subscription, disabledLicenses, now);
            }
        }
        // the step's change of the row, with the licenses a deletion freed
        subscriptions.save(subscription);
        // in the tenant's audit log as the system's change (outside a request: licensing-service)
        audit.record(subscription, Activity.UPDATE_SUBSCRIPTION, AuditTargets.only(
                AuditTargets.changed("Status", statusBefore, subscription.status),
                AuditTargets.changed("NextLifecycleDateTime", nextBefore, subscription.nextLifecycleAt)));
        return true;
    }
}
