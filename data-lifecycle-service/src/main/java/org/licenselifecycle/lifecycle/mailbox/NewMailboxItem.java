package org.licenselifecycle.lifecycle.mailbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * An item to deliver: subject and body required, {@code receivedAt} defaults to now, {@code retentionLabel}
 * optional (an item under a label is kept for discovery when the mailbox is purged).
 */
public record NewMailboxItem(String subject, String body, Instant receivedAt, String retentionLabel) {

    /** @throws GraphException 400 for a missing part, or one beyond the {@code limits} */
    void requireValid(MailboxItemLimits limits) {
        if (subject == null || subject.isBlank()) {
            throw GraphException.badRequest("The item's subject is required.");
        }
        if (body == null) {
            throw GraphException.badRequest("The item's body is required.");
        }
        if (retentionLabel != null && retentionLabel.isBlank()) {
            throw GraphException.badRequest("A retention label, when given, cannot be blank.");
        }
        if (subject.length() > limits.maxSubjectLength()) {
            throw GraphException.badRequest("The item's subject is longer than " + limits.maxSubjectLength()
                    + " characters.");
        }
        long maxBody = limits.maxBodySize().asLongValue();
        // a UTF-8 character takes at most 3 bytes per UTF-16 unit: only a body that may be too large is encoded
        if ((long) body.length() * 3 > maxBody && body.getBytes(StandardCharsets.UTF_8).length > maxBody) {
            throw GraphException.badRequest("The item's body is larger than " + maxBody + " bytes (UTF-8).");
        }
        if (retentionLabel != null && retentionLabel.length() > limits.maxRetentionLabelLength()) {
            throw GraphException.badRequest("A retention label has at most " + limits.maxRetentionLabelLength()
                    + " characters.");
        }
    }
}
