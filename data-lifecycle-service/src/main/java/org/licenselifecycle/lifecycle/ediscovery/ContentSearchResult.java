package org.licenselifecycle.lifecycle.ediscovery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.lifecycle.mailbox.MailboxState;

/**
 * One page of what a content search found in the caller's tenant, newest item first.
 *
 * @param count the hits of this page
 * @param nextSkipToken the {@code skipToken} of the next page, null when this page is the last
 */
public record ContentSearchResult(String query, Instant searchedAt, int count, List<Hit> hits, String nextSkipToken) {

    /**
     * One item found.
     *
     * @param retained whether the item outlived its mailbox's purge under a retention label
     */
    public record Hit(UUID itemId, UUID userId, String userPrincipalName, MailboxState mailboxState, String subject,
            String body, Instant receivedAt, String retentionLabel, boolean retained) {
    }
}
