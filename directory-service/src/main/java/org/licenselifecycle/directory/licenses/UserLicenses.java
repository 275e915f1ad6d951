package org.licenselifecycle.directory.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.ServicePlan;
import org.licenselifecycle.events.UserLifecycle;
import org.licenselifecycle.support.sql.Sql;

/**
 * The directory's read model of its users' licenses, fed by {@code licensing.license-events}. Each event says
 * what one product is on one user at its time ({@code ce_time}), so the model converges whatever the order
 * events arrive in: per user and product the latest event wins, an older one arriving late changes nothing, and
 * events with the same time apply in the order they arrive (as {@link UserLifecycle} orders users' events).
 * Events of a user the directory no longer has (purged) change nothing. The license assignment states licensing
 * states whole (LicenseAssignmentStatesChanged) are kept whole, the latest winning as well. The events a consumer's
 * batch applies together are kept in one statement per table ({@link #keepAll}, through {@link Sql}), and only here;
 * the entities {@link UserLicense} and {@link UserLicenseStates} are read-only.
 */
@ApplicationScoped
public class UserLicenses {

    private static final Logger LOG = Logger.getLogger(UserLicenses.class);

    private final EntityManager entityManager;
    private final Sql sql;

    UserLicenses(EntityManager entityManager, Sql sql) {
        this.entityManager = entityManager;
        this.sql = sql;
    }

    /** A license event of licensing's and its time ({@code ce_time}): LicenseAssigned, LicenseRemoved or LicenseAssignmentStatesChanged. */
    public record Timed(Object event, Instant time) {
    }

    /** The user holds the product (again), with the plans and group the event states. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assigned(LicenseAssigned event, Instant time) {
        keepAll(List.of(new Timed(event, time)));
    }

    /** The user no longer holds the product; its plans stay on the user as deleted ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(LicenseRemoved event, Instant time) {
        keepAll(List.of(new Timed(event, time)));
    }

    /**
     * The user's license assignment states, as licensing's event states them whole; an older event than the one
     * kept changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statesChanged(LicenseAssignmentStatesChanged event, Instant time) {
        keepAll(List.of(new Timed(event, time)));
    }

    /**
     * Keeps license events as {@link #assigned}, {@link #removed} and {@link #statesChanged} keep each, one after the
     * other in the list's order, in one statement per table for all of them (more where a user's product, or a user's
     * states, come again in the list: each later one in a statement after the earlier one's).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepAll(List<Timed> events) {
        List<LicenseRow> licenses = new ArrayList<>();
        List<StatesRow> states = new ArrayList<>();
        for (Timed timed : events) {
            if (timed.event() instanceof LicenseAssigned event) {
                // an event written before disabledPlans and assignedByGroup (added together) leaves what was known
                boolean statesGroup = event.disabledPlans() != null;
                licenses.add(new LicenseRow(event.tenantId(), event.userId(), event.skuId(), timed.time(), true,
                        statesGroup ? event.disabledPlans() : null, statesGroup, event.assignedByGroup(),
                        event.servicePlans()));
            } else if (timed.event() instanceof LicenseRemoved event) {
                licenses.add(new LicenseRow(event.tenantId(), event.userId(), event.skuId(), timed.time(), false, null,
                        true, null, event.removedServicePlans()));
            } else if (timed.event() instanceof LicenseAssignmentStatesChanged event) {
                states.add(new StatesRow(event, timed.time()));
            } else {
                throw new IllegalArgumentException("Not a user's license event: " + timed.event());
            }
        }
        // the two tables are independent: only the order within each matters
        for (List<LicenseRow> round : rounds(licenses, row -> row.userId() + "/" + row.skuId())) {
            keepLicenses(round);
        }
        for (List<StatesRow> round : rounds(states, row -> row.event().userId())) {
            keepStates(round);
        }
    }

    /** The licenses of each of {@code userIds} of the tenant that the directory heard of; absent: none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, LicensesOfUser> of(UUID tenantId, Collection<UUID> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        List<UserLicense> rows = entityManager.createQuery(
                        "FROM UserLicense WHERE tenantId = :tenant AND userId IN :users", UserLicense.class)
                .setParameter("tenant", tenantId)
                .setParameter("users", userIds)
                .getResultList();
        Map<UUID, List<UserLicense>> byUser = new HashMap<>();
        rows.forEach(row -> byUser.computeIfAbsent(row.userId, id -> new ArrayList<>()).add(row));
        Map<UUID, List<LicenseAssignmentState>> stated = new HashMap<>();
        entityManager.createQuery("FROM UserLicenseStates WHERE tenantId = :tenant AND userId IN :users",
                        UserLicenseStates.class)
                .setParameter("tenant", tenantId)
                .setParameter("users", userIds)
                .getResultList()
                .forEach(states -> stated.put(states.userId, states.states().states()));
        Map<UUID, LicensesOfUser> result = new HashMap<>();
        byUser.forEach((user, licenses) -> result.put(user,
                new LicensesOfUser(licenses, Optional.ofNullable(stated.get(user)))));
        stated.forEach((user, states) -> result.putIfAbsent(user, new LicensesOfUser(List.of(), Optional.of(states))));
        return result;
    }

    /** What a LicenseAssigned or LicenseRemoved states of a user's product. */
    private record LicenseRow(UUID tenantId, UUID userId, UUID skuId, Instant time, boolean held, List<UUID> disabledPlans,
            boolean statesGroup, UUID assignedByGroup, List<ServicePlan> plans) {
    }

    private record StatesRow(LicenseAssignmentStatesChanged event, Instant time) {
    }

    /** The rows cut into rounds in which no key comes twice, in order: a key's later row goes in a later round. */
    private static <T> List<List<T>> rounds(List<T> rows, Function<T, Object> key) {
        List<List<T>> rounds = new ArrayList<>();
        List<T> round = new ArrayList<>();
        Set<Object> keys = new HashSet<>();
        for (T row : rows) {
            if (!keys.add(key.apply(row))) {
                rounds.add(round);
                round = new ArrayList<>();
                keys.clear();
                keys.add(key.apply(row));
            }
            round.add(row);
        }
        if (!round.isEmpty()) {
            rounds.add(round);
        }
        return rounds;
    }

    /**
     * Keeps what each row states of its user's product, in one statement for rows of different products or users: a
     * row for a user the directory does not have (purged) is never written, and one kept from a later event is left as
     * it is (the latest event wins; one of the same time applies in the order it arrives). A row's null
     * {@code disabledPlans} keeps those known (a new row: none); {@code statesGroup} false keeps the group known (a new
     * row: none). The known values are read in the same statement: the consumer is the only writer of these rows, and
     * a user's events come to one consumer thread at a time (Kafka's key). A lone row keeps the statement it had before
     * batches, which PostgreSQL plans once for all ({@link Sql.RowsWrite}); {@code LicenseEventsTogetherTest} holds the
     * two forms to the same outcome.
     */
    private static final Sql.RowsWrite<LicenseRow> KEEP_LICENSES = new Sql.RowsWrite<>("""
            INSERT INTO user_license (user_id, sku_id, tenant_id, held, disabled_plans, assigned_by_group, plan_ids,
                                      plan_services, changed_at)
            SELECT u.id, ?::uuid, u.tenant_id, ?::boolean, coalesce(?::uuid[], '{}'), ?::uuid, ?::uuid[], ?::text[],
                   ?::timestamptz
            FROM users u WHERE u.id = ? AND u.tenant_id = ?
            ON CONFLICT (user_id, sku_id) DO UPDATE SET held = excluded.held,
                disabled_plans = coalesce(?::uuid[], user_license.disabled_plans),
                assigned_by_group = CASE WHEN ?::boolean THEN excluded.assigned_by_group ELSE user_license.assigned_by_group END,
                plan_ids = excluded.plan_ids, plan_services = excluded.plan_services, changed_at = excluded.changed_at
            WHERE user_license.changed_at <= excluded.changed_at""",
            row -> new Object[] {row.skuId(), row.held(), uuids(row.disabledPlans()),
                    row.statesGroup() ? row.assignedByGroup() : null,
                    uuids(row.plans().stream().map(ServicePlan::servicePlanId).toList()),
                    planServices(row.plans()).toArray(String[]::new), UserLifecycle.kept(row.time()), row.userId(),
                    row.tenantId(), uuids(row.disabledPlans()), row.statesGroup()},
            """
            INSERT INTO user_license (user_id, sku_id, tenant_id, held, disabled_plans, assigned_by_group, plan_ids,
                                      plan_services, changed_at)
            SELECT u.id, e.sku_id, u.tenant_id, e.held, coalesce(e.disabled_plans::uuid[], l.disabled_plans, '{}'),
                   CASE WHEN e.states_group THEN e.assigned_by_group ELSE l.assigned_by_group END,
                   e.plan_ids::uuid[], e.plan_services::text[], e.changed_at
            FROM unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[]::timestamptz[], ?::text[]::boolean[], ?::text[],
                        ?::text[]::boolean[], ?::uuid[], ?::text[], ?::text[])
                     AS e(tenant_id, user_id, sku_id, changed_at, held, disabled_plans, states_group, assigned_by_group,
                          plan_ids, plan_services)
            JOIN users u ON u.id = e.user_id AND u.tenant_id = e.tenant_id
            LEFT JOIN user_license l ON l.user_id = e.user_id AND l.sku_id = e.sku_id
            ON CONFLICT (user_id, sku_id) DO UPDATE SET held = excluded.held, disabled_plans = excluded.disabled_plans,
                assigned_by_group = excluded.assigned_by_group, plan_ids = excluded.plan_ids,
                plan_services = excluded.plan_services, changed_at = excluded.changed_at
            WHERE user_license.changed_at <= excluded.changed_at""",
            rows -> new Object[] {Sql.column(rows, LicenseRow::tenantId, UUID[]::new),
                    Sql.column(rows, LicenseRow::userId, UUID[]::new),
                    Sql.column(rows, LicenseRow::skuId, UUID[]::new),
                    Sql.column(rows, row -> text(UserLifecycle.kept(row.time())), String[]::new),
                    Sql.column(rows, row -> Boolean.toString(row.held()), String[]::new),
                    Sql.column(rows, row -> row.disabledPlans() == null ? null : arrayLiteral(row.disabledPlans()),
                            String[]::new),
                    Sql.column(rows, row -> Boolean.toString(row.statesGroup()), String[]::new),
                    Sql.column(rows, row -> row.statesGroup() ? row.assignedByGroup() : null, UUID[]::new),
                    Sql.column(rows, row -> arrayLiteral(row.plans().stream().map(ServicePlan::servicePlanId).toList()),
                            String[]::new),
                    Sql.column(rows, row -> arrayLiteral(planServices(row.plans())), String[]::new)});

    /** Keeps each user's license assignment states of the rows (a user once), the latest event winning. */
    private static final Sql.RowsWrite<StatesRow> KEEP_STATES = new Sql.RowsWrite<>("""
            INSERT INTO user_license_states (user_id, tenant_id, latest, changed_at)
            SELECT u.id, u.tenant_id, ?::jsonb, ?::timestamptz FROM users u WHERE u.id = ? AND u.tenant_id = ?
            ON CONFLICT (user_id) DO UPDATE SET latest = excluded.latest, changed_at = excluded.changed_at
            WHERE user_license_states.changed_at <= excluded.changed_at""",
            row -> new Object[] {EventJson.write(row.event()), UserLifecycle.kept(row.time()), row.event().userId(),
                    row.event().tenantId()},
            """
            INSERT INTO user_license_states (user_id, tenant_id, latest, changed_at)
            SELECT u.id, u.tenant_id, e.latest::jsonb, e.changed_at
            FROM unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]::timestamptz[]) AS e(tenant_id, user_id, latest, changed_at)
            JOIN users u ON u.id = e.user_id AND u.tenant_id = e.tenant_id
            ON CONFLICT (user_id) DO UPDATE SET latest = excluded.latest, changed_at = excluded.changed_at
            WHERE user_license_states.changed_at <= excluded.changed_at""",
            rows -> new Object[] {Sql.column(rows, row -> row.event().tenantId(), UUID[]::new),
                    Sql.column(rows, row -> row.event().userId(), UUID[]::new),
                    Sql.column(rows, row -> EventJson.write(row.event()), String[]::new),
                    Sql.column(rows, row -> text(UserLifecycle.kept(row.time())), String[]::new)});

    private void keepLicenses(List<LicenseRow> rows) {
        int kept = sql.update(KEEP_LICENSES, rows);
        if (kept < rows.size()) {
            LOG.debugf("%d of %d license events: the directory does not have the user (purged) or kept a later event",
                    rows.size() - kept, rows.size());
        }
    }

    private void keepStates(List<StatesRow> rows) {
        int kept = sql.update(KEEP_STATES, rows);
        if (kept < rows.size()) {
            LOG.debugf("%d of %d license states events: the directory does not have the user (purged) or kept newer ones",
                    rows.size() - kept, rows.size());
        }
    }

    private static UUID[] uuids(List<UUID> ids) {
        return ids == null ? null : ids.toArray(UUID[]::new);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    /** A PostgreSQL array literal of the values, each quoted (a plan's service may hold a space or a comma). */
    private static String arrayLiteral(List<?> values) {
        StringBuilder literal = new StringBuilder("{");
        for (Object value : values) {
            literal.append(literal.length() > 1 ? "," : "").append('"')
                    .append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    /** The service of each plan; an event written before service existed names the plan instead. */
    private static List<String> planServices(List<ServicePlan> plans) {
        return plans.stream().map(plan -> plan.service() == null ? plan.servicePlanName() : plan.service()).toList();
    }
}
