package org.licenselifecycle.lifecycle.ediscovery;

/** A content search: every word of {@code query} must appear (any case) in an item's subject or body. */
public record ContentSearchRequest(String query) {
}
