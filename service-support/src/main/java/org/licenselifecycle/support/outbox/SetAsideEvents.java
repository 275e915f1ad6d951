package org.licenselifecycle.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.support.sql.Sql;

/**
 * The events the relay set aside, for an administrator of their tenant (the tenant is read from the event's
 * data, which every event of the contract carries): list them, retry one (after fixing the cause: a topic's
 * ACL, the broker's {@code message.max.bytes}), or discard one (it is never published; consumers never learn
 * of the change it announced, so this is the last resort). Either way the events of its key that waited behind
 * it go out, in order. A discarded row stays in the table, with who discarded it, for the outbox's retention.
 */
@ApplicationScoped
public class SetAsideEvents {

    private static final Logger LOG = Logger.getLogger(SetAsideEvents.class);
    private static final String SET_ASIDE_OF_TENANT = """
            set_aside_at IS NOT NULL AND discarded_at IS NULL AND sent_at IS NULL
            AND payload::jsonb ->> 'tenantId' = ?""";

    private final Sql sql;
    private final OutboxRelay relay;
    private final Clock clock;

    SetAsideEvents(Sql sql, OutboxRelay relay, Clock clock) {
        this.sql = sql;
        this.relay = relay;
        this.clock = clock;
    }

    /** The tenant's set-aside events, oldest first (at most 1,000). */
    public List<SetAsideEvent> of(UUID tenantId) {
        return sql.list("""
                SELECT a.id, a.ce_type, a.topic, a.event_key, a.occurred_at, a.set_aside_at, a.rejections, a.last_error,
                       octet_length(a.payload),
                       (SELECT count(*) FROM outbox_event w
                        WHERE w.sent_at IS NULL AND w.set_aside_at IS NULL
                          AND w.topic = a.topic AND w.event_key = a.event_key AND w.seq > a.seq)
                FROM outbox_event a
                WHERE %s
                ORDER BY a.seq LIMIT 1000""".formatted(SET_ASIDE_OF_TENANT),
                row -> new SetAsideEvent(Sql.uuid(row, 1), row.getString(2), row.getString(3), row.getString(4),
                        Sql.instant(row, 5), Sql.instant(row, 6),
                        row.getInt(7), row.getString(8), row.getLong(9), row.getLong(10)),
                tenantId.toString());
    }

    /**
     * Puts the event back in the relay's queue, first of its key, with its refusals counted from zero.
     *
     * @throws GraphException 404 when the tenant has no set-aside event with that id
     */
    public void retry(UUID tenantId, String eventId, UUID by) {
        int changed = sql.update("UPDATE outbox_event SET set_aside_at = NULL, rejections = 0 WHERE id::text = lower(?) AND "
                + SET_ASIDE_OF_TENANT, eventId, tenantId.toString());
        resolved(changed, eventId);
        LOG.infof("Outbox event %s of tenant %s put back in the relay's queue by %s", eventId, tenantId, by);
    }

    /**
     * Gives the event up: it is never published, and the events of its key that waited behind it go out.
     *
     * @throws GraphException 404 when the tenant has no set-aside event with that id
     */
    public void discard(UUID tenantId, String eventId, UUID by) {
        int changed = sql.update("UPDATE outbox_event SET discarded_at = ?, discarded_by = ? WHERE id::text = lower(?) AND "
                + SET_ASIDE_OF_TENANT, clock.instant(), by, eventId, tenantId.toString());
        resolved(changed, eventId);
        LOG.warnf("Outbox event %s of tenant %s discarded by %s: it will never be published", eventId, tenantId, by);
    }

    private void resolved(int changed, String eventId) {
        if (changed == 0) {
            throw GraphException.notFound(eventId);
        }
        relay.wake();
    }
}
