package org.licenselifecycle.lifecycle.mailbox;

import java.time.Instant;
import java.util.UUID;

/** A mailbox item as the API shows it. */
public record MailboxItemView(
        UUID id,
        UUID userId,
        String subject,
        String body,
        Instant receivedAt,
        String retentionLabel,
        Instant retainedAt) {

    public static MailboxItemView of(MailboxItem i) {
        return new MailboxItemView(i.id, i.userId, i.subject, i.body, i.receivedAt, i.retentionLabel, i.retainedAt);
    }
}
