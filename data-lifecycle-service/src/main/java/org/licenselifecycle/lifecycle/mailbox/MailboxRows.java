package org.licenselifecycle.lifecycle.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.licenselifecycle.support.sql.Sql;

/**
 * The mailbox rows of many users at once, in plain SQL ({@link Sql}), for the license events a batch applies
 * together: locked and read in one statement with their holds and licensing products, written back in one round trip.
 * Only storage: what a mailbox becomes is {@link Mailbox}'s, which event does what is {@link MailboxService}'s. The
 * mailboxes it returns are not managed by the ORM; the lock is the one {@link Mailbox#lockedOfUser} takes. Plain SQL
 * rather than the entity: Hibernate's reading, dirty checking and flush of a batch's mailboxes cost about twice the
 * JVM CPU per event ({@code LicenseRemovedTiming}); its columns are held to the entity's by {@code MailboxRowsMappingTest}.
 */
@ApplicationScoped
class MailboxRows {

    private final Sql sql;

    MailboxRows(Sql sql) {
        this.sql = sql;
    }

    /**
     * The columns of {@code mailbox} read, in the order {@link #mailbox} maps them, then the holds' and the products'
     * (read as arrays): every column {@link Mailbox} maps. {@code MailboxRowsMappingTest} holds this list to Hibernate's
     * mapping of the entity, and what {@link #lockedOfUsers} reads to what Hibernate reads: a column added to the entity
     * fails it until it is read here too.
     */
    static final List<String> COLUMNS = List.of("mailbox.user_id", "mailbox.tenant_id", "mailbox.user_principal_name",
            "mailbox.state", "mailbox.searchable", "mailbox.exchange_plan", "mailbox.licensed", "mailbox.provisioned_at",
            "mailbox.reconnected_at", "mailbox.removed_at", "mailbox.removed_by", "mailbox.held_until",
            "mailbox.user_deleted_at", "mailbox.purged_at", "mailbox.purge_after", "mailbox.updated_at", "mailbox.version",
            "mailbox_hold.kind", "mailbox_license.sku_id");

    private static final String LOCK_AND_READ = "SELECT "
            + COLUMNS.stream().filter(column -> column.startsWith("mailbox.")).map(column -> "m." + column.substring(8))
                    .collect(Collectors.joining(", "))
            + """
            ,
                ARRAY(SELECT h.kind FROM mailbox_hold h WHERE h.user_id = m.user_id),
                ARRAY(SELECT l.sku_id FROM mailbox_license l WHERE l.user_id = m.user_id)
            FROM mailbox m WHERE m.user_id = ANY (?::uuid[])
            ORDER BY m.user_id
            FOR NO KEY UPDATE OF m""";

    /** The users' mailboxes (those they have), by user id, locked until the transaction ends, taken in id order. */
    @Transactional(Transactional.TxType.MANDATORY)
    Map<UUID, Mailbox> lockedOfUsers(Collection<UUID> userIds) {
        Map<UUID, Mailbox> mailboxes = new LinkedHashMap<>();
        sql.list(LOCK_AND_READ, MailboxRows::mailbox, (Object) userIds.stream().distinct().toArray(UUID[]::new))
                .forEach(mailbox -> mailboxes.put(mailbox.userId, mailbox));
        return mailboxes;
    }

    /**
     * Writes back what a license removal changes on these mailboxes (their license facts, state, searchability, purge
     * date), counting a new version of each, and forgets the products that no longer license them; in one round trip
     * with the transaction's queued writes.
     *
     * @param productsGone pairs of user id and SKU id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void writeRemovals(Collection<Mailbox> changed, List<UUID[]> productsGone) {
        sql.updateLater(PRODUCTS_GONE, productsGone);
        sql.updateLater(REMOVALS, List.copyOf(changed));
        sql.flush();
    }

    /** Forgets pairs of user id and SKU id: a lone pair in a statement PostgreSQL plans once ({@link Sql.RowsWrite}). */
    private static final Sql.RowsWrite<UUID[]> PRODUCTS_GONE = new Sql.RowsWrite<>(
            "DELETE FROM mailbox_license WHERE user_id = ? AND sku_id = ?",
            pair -> new Object[] {pair[0], pair[1]},
            """
            DELETE FROM mailbox_license l USING unnest(?::uuid[], ?::uuid[]) AS g(user_id, sku_id)
            WHERE l.user_id = g.user_id AND l.sku_id = g.sku_id""",
            pairs -> new Object[] {Sql.column(pairs, pair -> pair[0], UUID[]::new),
                    Sql.column(pairs, pair -> pair[1], UUID[]::new)});

    /** Writes back what a license removal changes on a mailbox, counting a new version. */
    private static final Sql.RowsWrite<Mailbox> REMOVALS = new Sql.RowsWrite<>("""
            UPDATE mailbox SET state = ?, searchable = ?, licensed = ?, removed_at = ?, removed_by = ?,
                purge_after = ?, purged_at = ?, updated_at = ?, version = version + 1
            WHERE user_id = ?""",
            m -> new Object[] {m.state.name(), m.searchable, m.licensed, m.removedAt, m.removedBy, m.purgeAfter,
                    m.purgedAt, m.updatedAt, m.userId},
            """
            UPDATE mailbox m SET state = u.state, searchable = u.searchable, licensed = u.licensed,
                removed_at = u.removed_at, removed_by = u.removed_by, purge_after = u.purge_after,
                purged_at = u.purged_at, updated_at = u.updated_at, version = m.version + 1
            FROM unnest(?::uuid[], ?::text[], ?::text[]::boolean[], ?::text[]::boolean[], ?::text[]::timestamptz[],
                        ?::uuid[], ?::text[]::timestamptz[], ?::text[]::timestamptz[], ?::text[]::timestamptz[])
                AS u(user_id, state, searchable, licensed, removed_at, removed_by, purge_after, purged_at, updated_at)
            WHERE m.user_id = u.user_id""",
            changed -> new Object[] {Sql.column(changed, m -> m.userId, UUID[]::new),
                    Sql.column(changed, m -> m.state.name(), String[]::new),
                    Sql.column(changed, m -> Boolean.toString(m.searchable), String[]::new),
                    Sql.column(changed, m -> Boolean.toString(m.licensed), String[]::new),
                    Sql.column(changed, m -> text(m.removedAt), String[]::new),
                    Sql.column(changed, m -> m.removedBy, UUID[]::new),
                    Sql.column(changed, m -> text(m.purgeAfter), String[]::new),
                    Sql.column(changed, m -> text(m.purgedAt), String[]::new),
                    Sql.column(changed, m -> text(m.updatedAt), String[]::new)});

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Mailbox mailbox(ResultSet row) throws SQLException {
        Mailbox mailbox = new Mailbox();
        mailbox.userId = Sql.uuid(row, 1);
        mailbox.tenantId = Sql.uuid(row, 2);
        mailbox.userPrincipalName = row.getString(3);
        mailbox.state = MailboxState.valueOf(row.getString(4));
        mailbox.searchable = row.getBoolean(5);
        mailbox.exchangePlan = ExchangePlan.valueOf(row.getString(6));
        mailbox.licensed = row.getBoolean(7);
        mailbox.provisionedAt = Sql.instant(row, 8);
        mailbox.reconnectedAt = Sql.instant(row, 9);
        mailbox.removedAt = Sql.instant(row, 10);
        mailbox.removedBy = Sql.uuid(row, 11);
        mailbox.heldUntil = Sql.instant(row, 12);
        mailbox.userDeletedAt = Sql.instant(row, 13);
        mailbox.purgedAt = Sql.instant(row, 14);
        mailbox.purgeAfter = Sql.instant(row, 15);
        mailbox.updatedAt = Sql.instant(row, 16);
        mailbox.version = row.getLong(17);
        mailbox.holds = new HashSet<>(Arrays.stream((String[]) row.getArray(18).getArray()).map(HoldKind::valueOf).toList());
        mailbox.licensedBy = new HashSet<>(Sql.uuids(row, 19));
        return mailbox;
    }
}
