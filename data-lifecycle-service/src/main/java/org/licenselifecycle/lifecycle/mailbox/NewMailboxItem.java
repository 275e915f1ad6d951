package org.licenselifecycle.lifecycle.mailbox;

import java.time.Instant;

/**
 * An item to deliver: subject and body required, {@code receivedAt} defaults to now, {@code retentionLabel}
 * optional (an item under a label is kept for discovery when the mailbox is purged).
 */
public record NewMailboxItem(String subject, String body, Instant receivedAt, String retentionLabel) {
}
