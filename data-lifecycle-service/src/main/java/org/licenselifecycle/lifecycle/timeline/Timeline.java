package org.licenselifecycle.lifecycle.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.support.sql.Sql;

/**
 * Per user, one timeline of what happened to their data and when: written in the same transaction as
 * the change it tells of, read by admins of the user's tenant.
 */
@ApplicationScoped
public class Timeline {

    private final Sql sql;

    Timeline(Sql sql) {
        this.sql = sql;
    }

    /** A line of a user's timeline, to be recorded. */
    public record Line(UUID tenantId, UUID userId, Instant at, TimelineEvent event, UUID actor, String detail) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID tenantId, UUID userId, Instant at, TimelineEvent event, UUID actor, String detail) {
        recordAll(List.of(new Line(tenantId, userId, at, event, actor, detail)));
    }

    /**
     * Records the lines in the current transaction, in their order, queued with the transaction's other writes through
     * {@link Sql#insertLater}: lines queued one after the other go as one INSERT (of up to 100 rows), with the
     * transaction's next statement through {@code Sql} or at the commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Line> lines) {
        for (Line line : lines) {
            sql.insertLater("INSERT INTO timeline_entry (tenant_id, user_id, at, event, actor, detail)", "(?, ?, ?, ?, ?, ?)",
                    line.tenantId(), line.userId(), line.at(), line.event().name(), line.actor(), line.detail());
        }
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
