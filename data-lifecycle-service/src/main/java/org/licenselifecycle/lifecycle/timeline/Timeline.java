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
     * Records the lines in the current transaction, in their order, in one statement, queued with the transaction's
     * other writes through {@link Sql}: it goes with the transaction's next statement through {@code Sql}, or at the
     * commit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        sql.updateLater("""
                INSERT INTO timeline_entry (tenant_id, user_id, at, event, actor, detail)
                SELECT tenant_id, user_id, at, event, actor, detail
                FROM unnest(?::uuid[], ?::uuid[], ?::text[]::timestamptz[], ?::text[], ?::uuid[], ?::text[])
                    WITH ORDINALITY AS l(tenant_id, user_id, at, event, actor, detail, n)
                ORDER BY n""",
                lines.stream().map(Line::tenantId).toArray(UUID[]::new),
                lines.stream().map(Line::userId).toArray(UUID[]::new),
                lines.stream().map(line -> line.at().toString()).toArray(String[]::new),
                lines.stream().map(line -> line.event().name()).toArray(String[]::new),
                lines.stream().map(Line::actor).toArray(UUID[]::new),
                lines.stream().map(Line::detail).toArray(String[]::new));
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
