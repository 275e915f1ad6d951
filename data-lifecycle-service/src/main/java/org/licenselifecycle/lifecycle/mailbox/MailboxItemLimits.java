package org.licenselifecycle.lifecycle.mailbox;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How large an item delivered through {@code POST /api/v1/users/{id}/mailbox/items} may be; beyond, the
 * delivery is a 400 and nothing is stored. Exchange Online limits a subject to 255 characters; a message
 * may be 25 to 150 MB there, attachments included, but an item here is text that every content search reads,
 * so its body is bounded much lower. Each bound is configuration ({@code lifecycle.mailbox.items.*}).
 */
@ConfigMapping(prefix = "lifecycle.mailbox.items")
public interface MailboxItemLimits {

    /** Characters of the subject ({@code max-subject-length}). */
    @WithDefault("255")
    int maxSubjectLength();

    /** Bytes of the body in UTF-8 ({@code max-body-size}, e.g. {@code 1M} or {@code 512K}). */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** Characters of the retention label's name ({@code max-retention-label-length}). */
    @WithDefault("64")
    int maxRetentionLabelLength();
}
