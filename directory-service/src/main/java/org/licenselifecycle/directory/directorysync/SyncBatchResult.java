package org.licenselifecycle.directory.directorysync;

import java.util.List;

/** The answer to a {@link SyncBatch}: one result per entry of each list, in the batch's order. */
public record SyncBatchResult(List<SyncResult> users, List<SyncResult> groups) {
}
