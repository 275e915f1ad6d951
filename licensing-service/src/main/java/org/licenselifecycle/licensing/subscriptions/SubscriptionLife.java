package org.licenselifecycle.licensing.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The life of a subscription, as Microsoft documents it for Microsoft 365 for business: one whose recurring billing
 * is on renews at its date (a trial starts being billed); one whose recurring billing is off goes "Active > Expired >
 * Disabled > Deleted". Expired (Graph's Warning) from its end date: users keep access and admins can still assign.
 * Disabled (Suspended) once its days Expired are over: users lose access, admins keep the data, nobody can be given
 * one of its licenses. Deleted once its days Disabled are over: each license only it held leaves its user, and the
 * user's data follows as after an unassign. Reactivating (recurring billing on again) before then brings it back to
 * Enabled; Deleted is final. The days in each state are {@link SubscriptionsConfig.Life}.
 *
 * <p>Life moves a subscription one step at a time ({@link #next}), each in its own transaction
 * ({@link SubscriptionLifeJob}), so a subscription whose job did not run for months walks through every state.
 */
@ApplicationScoped
public class SubscriptionLife {

    /** What life does next to a subscription. */
    public enum Step {
        NONE, RENEW, EXPIRE, DISABLE, DELETE
    }

    /**
     * When a subscription that is not renewed ends (goes Expired), is Disabled and Deleted: what happened, or what
     * is planned from its end date.
     */
    public record Dates(Instant expiresAt, Instant disabledAt, Instant deletedAt) {
    }

    private final SubscriptionsConfig config;

    SubscriptionLife(SubscriptionsConfig config) {
        this.config = config;
    }

    /** The subscription's dates if it ends (recurring billing off) or ended; none while it renews. */
    public Optional<Dates> dates(Subscription subscription) {
        if (subscription.status == SubscriptionStatus.Deleted) {
            return subscription.expiredAt == null && subscription.disabledAt == null ? Optional.empty()
                    : Optional.of(new Dates(subscription.nextLifecycleAt, subscription.disabledAt, subscription.deletedAt));
        }
        if (!subscription.ending()) {
            return Optional.empty();
        }
        Instant end = subscription.nextLifecycleAt;
        Instant disabled = subscription.disabledAt != null ? subscription.disabledAt : end.plus(expired(subscription));
        return Optional.of(new Dates(end, disabled, end.plus(expired(subscription)).plus(disabled(subscription))));
    }

    /** The step life takes with the subscription at {@code now}. */
    public Step next(Subscription subscription, Instant now) {
        if (subscription.status == SubscriptionStatus.Deleted || subscription.status == SubscriptionStatus.LockedOut
                || subscription.productKind == ProductKind.PERPETUAL_SOFTWARE || subscription.nextLifecycleAt == null
                || now.isBefore(subscription.nextLifecycleAt)) {
            return Step.NONE;
        }
        if (subscription.recurringBilling) {
            return Step.RENEW;
        }
        Instant end = subscription.nextLifecycleAt;
        Instant disables = end.plus(expired(subscription));
        return switch (subscription.status) {
            case Enabled -> Step.EXPIRE;
            case Warning -> now.isBefore(disables) ? Step.NONE : Step.DISABLE;
            case Suspended -> now.isBefore(disables.plus(disabled(subscription))) ? Step.NONE : Step.DELETE;
            default -> Step.NONE;
        };
    }

    /** How long a subscription renews for, and its cancellation window after a renewal. */
    Duration term() {
        return config.term();
    }

    Duration cancellationWindow() {
        return config.cancellationWindow();
    }

    private Duration expired(Subscription subscription) {
        return subscription.trial ? config.life().trialExpired() : config.life().expired();
    }

    private Duration disabled(Subscription subscription) {
        return subscription.trial ? config.life().trialDisabled() : config.life().disabled();
    }
}
