package org.licenselifecycle.lifecycle.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.ServicePlan;

/** The mailbox's rules on their own, with grace periods other than the default. */
class MailboxTest {

    private static final Instant LICENSED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant REMOVED = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:01Z");
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    private static final Retention ONE_HOUR_GRACE = new Retention(ONE_HOUR, Duration.ofDays(30));

    private static Mailbox provisioned(ExchangePlan plan) {
        return Mailbox.provision(UUID.randomUUID(), UUID.randomUUID(), "adele@contoso.com", plan, LICENSED, NOW);
    }

    @Test
    void aNewMailboxIsActiveAndSearchableWithNothingDue() {
        Mailbox mailbox = provisioned(ExchangePlan.EXCHANGE_ONLINE_PLAN_1);

        assertThat(mailbox.state).isEqualTo(MailboxState.ACTIVE);
        assertThat(mailbox.searchable).isTrue();
        assertThat(mailbox.purgeAfter).isNull();
        assertThat(mailbox.provisionedAt).isEqualTo(LICENSED);
    }

    @Test
    void thePurgeIsDueWhenTheConfiguredGracePeriodAfterTheRemovalEnds() {
        UUID admin = UUID.randomUUID();
        Mailbox mailbox = provisioned(ExchangePlan.EXCHANGE_ONLINE_PLAN_1);

        mailbox.licenseRemoved(admin, REMOVED, NOW, ONE_HOUR_GRACE);

        assertThat(mailbox.state).isEqualTo(MailboxState.DISCONNECTED);
        assertThat(mailbox.searchable).isFalse();
        assertThat(mailbox.purgeAfter).isEqualTo(Instant.parse("2026-03-10T13:00:00Z"));
        assertThat(mailbox.removedAt).isEqualTo(REMOVED);
        assertThat(mailbox.removedBy).isEqualTo(admin);
    }

    @Test
    void aSecondDisconnectionKeepsTheFirstPurgeDate() {
        Mailbox mailbox = provisioned(ExchangePlan.EXCHANGE_ONLINE_PLAN_1);
        UUID firstAdmin = UUID.randomUUID();
        mailbox.licenseRemoved(firstAdmin, REMOVED, NOW, ONE_HOUR_GRACE);

        mailbox.licenseRemoved(UUID.randomUUID(), REMOVED.plusSeconds(600), NOW, new Retention(Duration.ofDays(30), Duration.ofDays(30)));

        assertThat(mailbox.purgeAfter).isEqualTo(REMOVED.plus(ONE_HOUR));
        assertThat(mailbox.removedBy).isEqualTo(firstAdmin);
    }

    @Test
    void aLicenseOneMomentBeforeTheGracePeriodEndsReconnects() {
        Mailbox mailbox = provisioned(ExchangePlan.EXCHANGE_ONLINE_PLAN_1);
        mailbox.licenseRemoved(UUID.randomUUID(), REMOVED, NOW, ONE_HOUR_GRACE);
        Instant justInside = REMOVED.plus(ONE_HOUR).minusNanos(1000);

        mailbox.licensed("adele@contoso.com", ExchangePlan.EXCHANGE_ONLINE_PLAN_2, justInside, NOW, ONE_HOUR_GRACE);

        assertThat(mailbox.state).isEqualTo(MailboxState.ACTIVE);
        assertThat(mailbox.searchable).isTrue();
        assertThat(mailbox.purgeAfter).isNull();
        assertThat(mailbox.reconnectedAt).isEqualTo(justInside);
        assertThat(mailbox.provisionedAt).isEqualTo(LICENSED);
        assertThat(mailbox.exchangePlan).isEqualTo(ExchangePlan.EXCHANGE_ONLINE_PLAN_2);
    }

    @Test
    void aLicenseWhenTheGracePeriodHasEndedGivesANewMailbox() {
        Mailbox mailbox = provisioned(ExchangePlan.EXCHANGE_ONLINE_PLAN_2);
        mailbox.licenseRemoved(UUID.randomUUID(), REMOVED, NOW, ONE_HOUR_GRACE);
        Instant graceOver = REMOVED.plus(ONE_HOUR);

        mailbox.licensed("adele@contoso.com", ExchangePlan.EXCHANGE_ONLINE_PLAN_1, graceOver, NOW, ONE_HOUR_GRACE);

        assertThat(mailbox.state).isEqualTo(MailboxState.ACTIVE);
        assertThat(mailbox.provisionedAt).isEqualTo(graceOver);
        assertThat(mailbox.reconnectedAt).isNull();
        assertThat(mailbox.removedAt).isNull();
        assertThat(mailbox.purgeAfter).isNull();
        assertThat(mailbox.exchangePlan).isEqualTo(ExchangePlan.EXCHANGE_ONLINE_PLAN_1);
    }

    @Test
    void anActiveMailboxKeepsTheBetterPlanAndFollowsTheUserPrincipalName() {
        Mailbox mailbox = provisioned(ExchangePlan.EXCHANGE_ONLINE_PLAN_2);

        mailbox.licensed("adele.vance@contoso.com", ExchangePlan.EXCHANGE_ONLINE_PLAN_1, REMOVED, NOW, ONE_HOUR_GRACE);

        assertThat(mailbox.exchangePlan).isEqualTo(ExchangePlan.EXCHANGE_ONLINE_PLAN_2);
        assertThat(mailbox.userPrincipalName).isEqualTo("adele.vance@contoso.com");
        assertThat(mailbox.provisionedAt).isEqualTo(LICENSED);
    }

    @Test
    void exchangeOnlinePlan2IsTheEnterprisePlan() {
        ServicePlan enterprise = new ServicePlan(UUID.fromString("efb87545-963c-4e0d-99df-69c6916d9eb0"), "EXCHANGE_S_ENTERPRISE");
        ServicePlan standard = new ServicePlan(UUID.fromString("9aaf7827-d63c-4b61-89c3-182f06f82e5c"), "EXCHANGE_S_STANDARD");

        assertThat(ExchangePlan.of(List.of(standard, enterprise))).isEqualTo(ExchangePlan.EXCHANGE_ONLINE_PLAN_2);
        assertThat(ExchangePlan.of(List.of(standard))).isEqualTo(ExchangePlan.EXCHANGE_ONLINE_PLAN_1);
        assertThat(ExchangePlan.EXCHANGE_ONLINE_PLAN_2.isEnterprise()).isTrue();
        assertThat(ExchangePlan.EXCHANGE_ONLINE_PLAN_1.isEnterprise()).isFalse();
    }
}
