package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;
import org.licenselifecycle.licensing.users.UserRows;
import org.licenselifecycle.support.sql.Sql;

/**
 * The one way licensing reads and writes {@code license_assignment}, the licenses users hold, and reads the
 * users whose licenses change, locked through {@link UserRows}. Plain SQL, because every unassign runs through here
 * and the ORM's session, entity copies and flush cost more than these one-row statements themselves (see
 * {@code bench/README.md}); no entity maps the table. Writes are queued ({@link Sql#updateLater}): they
 * travel with the transaction's next statement through {@link Sql} (a change's seat move, or a read here)
 * or go just before the commit, so every read of the table, being one of this class, sees them.
 */
@ApplicationScoped
class LicenseAssignmentRepository {

    /** The inherited state of license {@code a} from the group shown as its {@code assignedByGroup}. */
    private static final String GROUP_STATE_OF_LICENSE = """
            FROM inherited_license i WHERE i.user_id = a.user_id AND i.sku_id = a.sku_id
             AND (i.state <> 'Error' OR i.error = 'DependencyViolation') ORDER BY i.state = 'Error', i.group_id LIMIT 1""";

    /**
     * The group a license {@code a} is inherited from, shown as its {@code assignedByGroup}: the first by id of its
     * inherited states that hold it (Active, ActiveWithError), else of those that keep it for a license depending on it
     * (Error with DependencyViolation, {@link KeptForDependents});
     * an index probe, in the same statement, that finds nothing for a user without groups.
     */
    private static final String ASSIGNED_BY_GROUP = "(SELECT i.group_id " + GROUP_STATE_OF_LICENSE + ")";

    /**
     * The users, with the licenses they hold, of a tenant among some ids: two statements, of two parameters each
     * (the tenant, {@code ids}'s parameter).
     */
    private static String holders(Sql.Among ids) {
        return """
                SELECT u.user_id, u.user_principal_name, u.display_name, u.usage_location,
                       EXISTS (SELECT 1 FROM inherited_license i WHERE i.user_id = u.user_id)
                FROM directory_user u WHERE u.tenant_id = ? AND u.deleted_at IS NULL AND %s ORDER BY u.user_id;
                SELECT a.user_id, a.sku_id, a.disabled_plans, a.self_service_subscription_id, a.direct, %s,
                       a.direct_disabled_plans
                FROM license_assignment a WHERE a.tenant_id = ? AND %s ORDER BY a.user_id, a.sku_id"""
                .formatted(ids.condition("u.user_id"), ASSIGNED_BY_GROUP, ids.condition("a.user_id"));
    }

    private final Sql sql;
    private final UserRows users;

    LicenseAssignmentRepository(Sql sql, UserRows users) {
        this.sql = sql;
        this.users = users;
    }

    /**
     * The active user of {@code tenantId} named by id or userPrincipalName (Graph's {@code users/{id}}), with the
     * licenses they hold, locked until the transaction ends so that changes to one user's licenses happen one after
     * the other ({@link #lockAll}). A name is looked up first ({@link UserRows#find}); an id needs no lookup, so a
     * change by id takes one round trip.
     */
    Optional<Holder> lock(UUID tenantId, String idOrUserPrincipalName) {
        return ObjectIds.of(idOrUserPrincipalName).or(() -> users.find(tenantId, idOrUserPrincipalName))
                .map(userId -> lockAll(tenantId, List.of(userId)).get(userId));
    }

    /** Like {@link #lock}, without the lock. */
    Optional<Holder> find(UUID tenantId, String idOrUserPrincipalName) {
        return ObjectIds.of(idOrUserPrincipalName).or(() -> users.find(tenantId, idOrUserPrincipalName)).map(userId -> {
            Sql.Among ids = new Sql.Among(new UUID[] {userId});
            return sql.multi(holders(ids), executed -> holders(tenantId, executed), tenantId, ids.parameter(), tenantId,
                    ids.parameter()).get(userId);
        });
    }

    /**
     * The active users of {@code tenantId} among {@code userIds}, each with the licenses they hold, all locked
     * until the transaction ends ({@link UserRows#lock}: in id order, the one order every change of several users
     * takes them in, before it moves any seat, see {@link SeatMoves}), read in the same round trip. Ids that name
     * no active user of the tenant are left out.
     */
    Map<UUID, Holder> lockAll(UUID tenantId, Collection<UUID> userIds) {
        Sql.Among ids = new Sql.Among(userIds.toArray(UUID[]::new));
        return users.lock(userIds, holders(ids), executed -> holders(tenantId, executed), tenantId, ids.parameter(), tenantId,
                ids.parameter());
    }

    private static Map<UUID, Holder> holders(UUID tenantId, PreparedStatement executed) throws SQLException {
        Map<UUID, Holder> found = new LinkedHashMap<>();
        Sql.rows(executed, row -> new Holder(tenantId, Sql.uuid(row, 1), row.getString(2), row.getString(3),
                row.getString(4), List.of(), row.getBoolean(5))).forEach(holder -> found.put(holder.userId(), holder));
        executed.getMoreResults();
        Map<UUID, List<LicenseRow>> held = new HashMap<>();
        Sql.rows(executed, row -> Map.entry(Sql.uuid(row, 1), new LicenseRow(Sql.uuid(row, 2), Sql.uuids(row, 3),
                Sql.uuid(row, 4), Sql.uuid(row, 6), row.getBoolean(5), Sql.uuids(row, 7))))
                .forEach(license -> held.computeIfAbsent(license.getKey(), user -> new ArrayList<>()).add(license.getValue()));
        found.replaceAll((userId, holder) -> holder.withLicenses(held.getOrDefault(userId, List.of())));
        return found;
    }

    /** Takes the products away from the user. */
    void remove(UUID userId, List<UUID> skuIds) {
        if (!skuIds.isEmpty()) {
            Sql.Among skus = new Sql.Among(skuIds.toArray(UUID[]::new));
            sql.updateLater("DELETE FROM license_assignment WHERE user_id = ? AND " + skus.condition("sku_id"), userId,
                    skus.parameter());
        }
    }

    /**
     * Gives the user a product: {@code license} says with which plans turned off, and whether it is direct or comes
     * from a self-service purchase; one not direct is inherited, its group's state written by {@link GroupLicensing}.
     * Callers take the seat and announce it.
     */
    void give(UUID tenantId, UUID userId, LicenseRow license, Instant at, UUID assignedBy) {
        sql.updateLater("""
                INSERT INTO license_assignment (user_id, sku_id, tenant_id, disabled_plans, assigned_at, assigned_by,
                                                self_service_subscription_id, direct, direct_disabled_plans)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                userId, license.skuId(), tenantId, license.disabledPlans().toArray(UUID[]::new), at, assignedBy,
                license.selfServiceSubscriptionId(), license.direct(), license.directDisabledPlans().toArray(UUID[]::new));
    }

    /**
     * Writes how the user holds a product they already hold: whether it is also assigned directly (a direct assignment
     * added to an inherited license, or removed from one a group still gives) with the direct assignment's own
     * disabled plans, and the plans the license turns off. No seat moves.
     */
    void update(UUID userId, LicenseRow license) {
        sql.updateLater("""
                UPDATE license_assignment SET disabled_plans = ?, direct = ?, direct_disabled_plans = ?
                WHERE user_id = ? AND sku_id = ?""", license.disabledPlans().toArray(UUID[]::new), license.direct(),
                license.directDisabledPlans().toArray(UUID[]::new), userId, license.skuId());
    }

    /**
     * The licenses the user holds, by product, with when each was given: for a user the caller locked, or
     * for a page that shows them.
     */
    List<Given> heldBy(UUID userId) {
        return sql.list("""
                SELECT a.sku_id, a.disabled_plans, a.self_service_subscription_id, %s, a.assigned_at, a.direct,
                       a.direct_disabled_plans
                FROM license_assignment a WHERE a.user_id = ? ORDER BY a.sku_id""".formatted(ASSIGNED_BY_GROUP),
                row -> new Given(new LicenseRow(Sql.uuid(row, 1), Sql.uuids(row, 2), Sql.uuid(row, 3), Sql.uuid(row, 4),
                        row.getBoolean(6), Sql.uuids(row, 7)), Sql.instant(row, 5)),
                userId);
    }

    /**
     * The active users of the tenant holding {@code skuId}, by user id after {@code after} (none: from the
     * first), at most {@code limit}.
     */
    List<LicenseHolder> holders(UUID tenantId, UUID skuId, UUID after, int limit) {
        return sql.list("""
                SELECT u.user_id, u.display_name, u.user_principal_name, a.assigned_at, g.group_id, g.state, g.error
                FROM license_assignment a JOIN directory_user u ON u.user_id = a.user_id
                LEFT JOIN LATERAL (SELECT i.group_id, i.state, i.error %s) g ON TRUE
                WHERE a.tenant_id = ? AND a.sku_id = ? AND a.user_id > ? AND u.deleted_at IS NULL
                ORDER BY a.user_id LIMIT ?""".formatted(GROUP_STATE_OF_LICENSE),
                row -> new LicenseHolder(Sql.uuid(row, 1), row.getString(2), row.getString(3),
                        Sql.instant(row, 4), Sql.uuid(row, 5), null, row.getString(6),
                        row.getString(7)),
                tenantId, skuId, after == null ? new UUID(0, 0) : after, limit);
    }

    /**
     * The users holding a license of the product from the admins' pool (not a self-service purchase's), newest
     * assignment first, at most {@code limit}: those a deleted subscription takes its licenses from.
     */
    List<UUID> newestHolders(UUID tenantId, UUID skuId, int limit) {
        return sql.list("""
                SELECT user_id FROM license_assignment
                WHERE tenant_id = ? AND sku_id = ? AND self_service_subscription_id IS NULL
                ORDER BY assigned_at DESC, user_id DESC LIMIT ?""", row -> Sql.uuid(row, 1), tenantId, skuId, limit);
    }

    /** The users holding a license the purchaser of a self-service purchase gave them. */
    List<UUID> holdersOfPurchase(UUID purchaseId) {
        return sql.list("SELECT user_id FROM license_assignment WHERE self_service_subscription_id = ? ORDER BY user_id",
                row -> Sql.uuid(row, 1), purchaseId);
    }

    /**
     * Locks the self-service purchases the user holds a license of, or held one of when deleted (a restore gives it
     * back to its purchase), in id order, for the user-events path to take before the user: a purchase's row comes
     * before its users ({@link SeatMoves}). {@code wait} false: a purchase another transaction holds fails the statement
     * at once (lock_not_available), for a user already locked, who must not wait for a purchase.
     */
    void lockPurchasesOf(UUID userId, boolean wait) {
        sql.list("""
                SELECT 1 FROM subscription WHERE id IN (
                    SELECT self_service_subscription_id FROM license_assignment WHERE user_id = ?
                    UNION SELECT self_service_subscription_id FROM deleted_user_license WHERE user_id = ?)
                ORDER BY id FOR NO KEY UPDATE""" + (wait ? "" : " NOWAIT"), row -> 1, userId, userId);
    }

    /** The licenses of a self-service purchase an admin took over become ordinary ones (no longer the purchase's). */
    void takenOver(UUID purchaseId) {
        sql.updateLater("UPDATE license_assignment SET self_service_subscription_id = NULL WHERE self_service_subscription_id = ?",
                purchaseId);
    }

    /** A license a user holds ({@link #heldBy}) and since when. */
    record Given(LicenseRow license, Instant assignedAt) {
    }
}
