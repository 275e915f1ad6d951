package org.licenselifecycle.licensing.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * The one way licensing reads and writes {@code subscription} ({@link Subscription}), in plain SQL: licensing runs
 * without an ORM (its start and memory, issue 17). A subscription read here is a copy: what its methods change reaches
 * the table only when the caller saves it ({@link #save}), queued ({@link Sql#updateLater}) to travel with the
 * transaction's next statement or go just before the commit, so every later read of the table in the transaction
 * sees it. A lock is the one the ORM took before: {@code FOR NO KEY UPDATE}, which a license referencing the row
 * (its key share) does not wait for.
 */
@ApplicationScoped
public class SubscriptionRepository {

    /** The columns, in the order of {@link Subscription#columns()}. */
    static final String COLUMNS = "id, tenant_id, sku_id, licenses, status, created_at, trial, bought_by, purchaser_id, "
            + "purchaser_name, taken_over_at, product_kind, recurring_billing, next_lifecycle_at, "
            + "cancellation_window_ends_at, expired_at, disabled_at, deleted_at, self_service_assigned";

    private static final String SELECT = "SELECT " + COLUMNS + " FROM subscription ";

    private static final String INSERT = "INSERT INTO subscription (" + COLUMNS + ") VALUES "
            + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String UPDATE = """
            UPDATE subscription SET tenant_id = ?, sku_id = ?, licenses = ?, status = ?, created_at = ?, trial = ?,
                bought_by = ?, purchaser_id = ?, purchaser_name = ?, taken_over_at = ?, product_kind = ?,
                recurring_billing = ?, next_lifecycle_at = ?, cancellation_window_ends_at = ?, expired_at = ?,
                disabled_at = ?, deleted_at = ?, self_service_assigned = ?
            WHERE id = ?""";

    private final Sql sql;

    SubscriptionRepository(Sql sql) {
        this.sql = sql;
    }

    /** Stores a new subscription (queued: see the class). */
    void insert(Subscription subscription) {
        Object[] columns = subscription.columns();
        sql.updateLater(INSERT, columns);
        subscription.stored = columns;
    }

    /**
     * Writes what changed in the subscription since it was read or last saved (queued: see the class); nothing when
     * nothing changed. Every column is written, as the ORM did.
     */
    public void save(Subscription subscription) {
        if (subscription.stored == null) {
            throw new IllegalStateException("Subscription " + subscription.id + " was never stored");
        }
        if (!subscription.changedSinceStored()) {
            return;
        }
        Object[] columns = subscription.columns();
        Object[] parameters = new Object[columns.length];
        System.arraycopy(columns, 1, parameters, 0, columns.length - 1);
        parameters[columns.length - 1] = columns[0];
        sql.updateLater(UPDATE, parameters);
        subscription.stored = columns;
    }

    /** The subscription, unlocked; null when none has this id. */
    public Subscription find(UUID id) {
        return sql.first(SELECT + "WHERE id = ?", SubscriptionRepository::subscription, id).orElse(null);
    }

    /** One of the tenant's subscriptions, unlocked; none when it is another tenant's or does not exist. */
    public Optional<Subscription> ofTenant(UUID tenantId, UUID id) {
        return sql.first(SELECT + "WHERE tenant_id = ? AND id = ?", SubscriptionRepository::subscription, tenantId, id);
    }

    /** One of the tenant's subscriptions, locked until the transaction ends; null when none (of the tenant) has this id. */
    public Subscription findInTenant(UUID tenantId, UUID id) {
        return sql.first(SELECT + "WHERE tenant_id = ? AND id = ? LIMIT 1 FOR NO KEY UPDATE",
                SubscriptionRepository::subscription, tenantId, id).orElse(null);
    }

    /** The self-service purchases of a product that their purchasers still manage, oldest first. */
    public List<Subscription> managedByPurchaser(UUID tenantId, UUID skuId) {
        return sql.list(SELECT + """
                WHERE tenant_id = ? AND sku_id = ? AND bought_by = ? AND taken_over_at IS NULL ORDER BY created_at""",
                SubscriptionRepository::subscription, tenantId, skuId, PurchaseChannel.SELF_SERVICE.name());
    }

    /**
     * The subscription, locked, unless another transaction (another replica's job) holds it: then none, and that
     * transaction moves it on.
     */
    Subscription lockedUnlessBusy(UUID id) {
        return sql.first(SELECT + "WHERE id = ? LIMIT 1 FOR NO KEY UPDATE SKIP LOCKED", SubscriptionRepository::subscription,
                id).orElse(null);
    }

    /**
     * Subscriptions whose date has come and that life may still move on (not deleted, not locked out, not
     * perpetual software), by id after {@code after}, at most {@code limit}.
     */
    List<UUID> dateCome(Instant now, UUID after, int limit) {
        return sql.list("""
                SELECT id FROM subscription
                WHERE next_lifecycle_at <= ? AND id > ? AND status NOT IN (?, ?) AND product_kind <> ?
                ORDER BY id LIMIT ?""", row -> Sql.uuid(row, 1), now, after, SubscriptionStatus.Deleted.name(),
                SubscriptionStatus.LockedOut.name(), ProductKind.PERPETUAL_SOFTWARE.name(), limit);
    }

    /** The tenant's subscriptions, oldest first. */
    public List<Subscription> ofTenant(UUID tenantId) {
        return sql.list(SELECT + "WHERE tenant_id = ? ORDER BY created_at, id", SubscriptionRepository::subscription,
                tenantId);
    }

    private static Subscription subscription(ResultSet row) throws SQLException {
        Subscription s = new Subscription();
        s.id = Sql.uuid(row, 1);
        s.tenantId = Sql.uuid(row, 2);
        s.skuId = Sql.uuid(row, 3);
        s.licenses = row.getInt(4);
        s.status = SubscriptionStatus.valueOf(row.getString(5));
        s.createdAt = Sql.instant(row, 6);
        s.trial = row.getBoolean(7);
        s.boughtBy = PurchaseChannel.valueOf(row.getString(8));
        s.purchaserId = Sql.uuid(row, 9);
        s.purchaserName = row.getString(10);
        s.takenOverAt = Sql.instant(row, 11);
        s.productKind = ProductKind.valueOf(row.getString(12));
        s.recurringBilling = row.getBoolean(13);
        s.nextLifecycleAt = Sql.instant(row, 14);
        s.cancellationWindowEndsAt = Sql.instant(row, 15);
        s.expiredAt = Sql.instant(row, 16);
        s.disabledAt = Sql.instant(row, 17);
        s.deletedAt = Sql.instant(row, 18);
        s.selfServiceAssigned = row.getInt(19);
        s.stored = s.columns();
        return s;
    }
}
