package org.licenselifecycle.lifecycle.mailbox;

import java.time.Instant;

/** One run of the purge job as the API shows it. */
public record PurgeRunView(long id, Instant startedAt, Instant finishedAt, int mailboxesPurged, long itemsDeleted,
        long itemsRetained) {

    static PurgeRunView of(PurgeRun r) {
        return new PurgeRunView(r.id, r.startedAt, r.finishedAt, r.mailboxesPurged, r.itemsDeleted, r.itemsRetained);
    }
}
