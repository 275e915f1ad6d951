package org.licenselifecycle.lifecycle.mailbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A user's mailbox as the admin API shows it. Instants are ISO-8601; absent ones are null. {@code reconnectable}: a
 * license given back now reconnects it ({@link Mailbox#reconnectableAt}), so that no caller works out the grace period.
 */
public record MailboxView(
        UUID userId,
        UUID tenantId,
        String userPrincipalName,
        MailboxState state,
        boolean searchable,
        ExchangePlan exchangePlan,
        Instant provisionedAt,
        Instant reconnectedAt,
        Instant removedAt,
        UUID removedBy,
        List<HoldKind> holds,
        Instant heldUntil,
        Instant userDeletedAt,
        Instant purgedAt,
        Instant purgeAfter,
        boolean reconnectable) {

    static MailboxView of(Mailbox m, Instant now) {
        return new MailboxView(m.userId, m.tenantId, m.userPrincipalName, m.state, m.searchable, m.exchangePlan,
                m.provisionedAt, m.reconnectedAt, m.removedAt, m.removedBy, m.holds.stream().sorted().toList(),
                m.heldUntil, m.userDeletedAt, m.purgedAt, m.purgeAfter, m.reconnectableAt(now));
    }
}
