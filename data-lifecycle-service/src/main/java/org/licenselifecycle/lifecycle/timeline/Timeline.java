package org.licenselifecycle.lifecycle.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ObjectIds;

/**
 * Per user, one timeline of what happened to their data and when: written in the same transaction as
 * the change it tells of, read by admins of the user's tenant.
 */
@ApplicationScoped
public class Timeline {

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID tenantId, UUID userId, Instant at, TimelineEvent event, UUID actor, String detail) {
        TimelineEntry entry = new TimelineEntry();
        entry.tenantId = tenantId;
        entry.userId = userId;
        entry.at = at;
        entry.event = event;
        entry.actor = actor;
        entry.detail = detail;
        entry.persist();
    }

    /** The user's timeline in the caller's tenant, oldest first; 404 when nothing is known of them there. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TimelineView of(UUID tenantId, String userId) {
        UUID id = ObjectIds.parse(userId);
        List<TimelineEntry> entries = TimelineEntry.ofUser(tenantId, id);
        if (entries.isEmpty()) {
            throw GraphException.notFound(userId);
        }
        return new TimelineView(id, entries.stream()
                .map(e -> new TimelineView.Entry(e.at, e.event, e.actor, e.detail)).toList());
    }
}
