package org.licenselifecycle.lifecycle.ediscovery;

/**
 * A content search: every word of {@code query} must appear (any case) in an item's subject or body.
 *
 * @param top how many hits one page holds at most (default and bound in {@link ContentSearchLimits})
 * @param skipToken where the page starts: the {@code nextSkipToken} of the page before; null for the first
 */
public record ContentSearchRequest(String query, Integer top, String skipToken) {
}
