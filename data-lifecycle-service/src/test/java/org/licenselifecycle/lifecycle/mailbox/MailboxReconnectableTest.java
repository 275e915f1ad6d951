package org.licenselifecycle.lifecycle.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Reactivate or reassign the license within 30 days": lifecycle answers whether a license given back now reconnects
 * the mailbox, so that the console offers Reassign without counting the grace period itself.
 */
class MailboxReconnectableTest {

    private static final Retention RETENTION = new Retention(LifecycleModel.GRACE, LifecycleModel.SOFT_DELETED);
    private static final Instant PROVISIONED = Instant.parse("2027-03-02T09:00:00Z");
    private static final Instant REMOVED = Instant.parse("2027-03-10T12:00:00Z");

    @Test
    void aDisconnectedMailboxIsReconnectableUntilItsGracePeriodEndsAndAnActiveOneIsNot() {
        Mailbox mailbox = Mailbox.provision(UUID.randomUUID(), UUID.randomUUID(), "adele@contoso.com",
                ExchangePlan.EXCHANGE_ONLINE_PLAN_1, PROVISIONED, PROVISIONED);
        assertThat(mailbox.reconnectableAt(REMOVED)).as("active").isFalse();

        mailbox.licenseRemoved(UUID.randomUUID(), REMOVED, REMOVED, RETENTION);

        assertThat(mailbox.reconnectableAt(REMOVED)).isTrue();
        assertThat(mailbox.reconnectableAt(REMOVED.plus(LifecycleModel.GRACE).minusMillis(1))).isTrue();
        assertThat(mailbox.reconnectableAt(REMOVED.plus(LifecycleModel.GRACE))).as("the grace period is over").isFalse();
        assertThat(MailboxView.of(mailbox, REMOVED.plus(Duration.ofDays(1))).reconnectable()).isTrue();
    }
}
