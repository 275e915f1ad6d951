package org.licenselifecycle.lifecycle.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user's timeline as the admin API shows it, oldest entry first. */
public record TimelineView(UUID userId, List<Entry> entries) {

    /** One entry: when, what, who (null for the system) and in words what it meant for the data. */
    public record Entry(Instant at, TimelineEvent event, UUID actor, String detail) {
    }
}
