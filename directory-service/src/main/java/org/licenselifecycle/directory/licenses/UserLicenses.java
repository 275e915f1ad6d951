package org.licenselifecycle.directory.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * states whole (LicenseAssignmentStatesChanged) are kept whole, the latest winning as well. Each event is kept in one
 * statement ({@link Sql}: the consumer applies two or three per unassign), and only here; the entities
 * {@link UserLicense} and {@link UserLicenseStates} are read-only.
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

    /** The user holds the product (again), with the plans and group the event states. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assigned(LicenseAssigned event, Instant time) {
        // an event written before disabledPlans and assignedByGroup (added together) leaves what was known
        boolean statesGroup = event.disabledPlans() != null;
        keep(event.tenantId(), event.userId(), event.skuId(), time, true,
                statesGroup ? event.disabledPlans().toArray(UUID[]::new) : null, statesGroup, event.assignedByGroup(),
                event.servicePlans());
    }

    /** The user no longer holds the product; its plans stay on the user as deleted ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(LicenseRemoved event, Instant time) {
        keep(event.tenantId(), event.userId(), event.skuId(), time, false, null, true, null, event.removedServicePlans());
    }

    /**
     * The user's license assignment states, as licensing's event states them whole; an older event than the one
     * kept changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statesChanged(LicenseAssignmentStatesChanged event, Instant time) {
        int kept = sql.update("""
                INSERT INTO user_license_states (user_id, tenant_id, latest, changed_at)
                SELECT u.id, u.tenant_id, ?::jsonb, ?::timestamptz FROM users u WHERE u.id = ? AND u.tenant_id = ?
                ON CONFLICT (user_id) DO UPDATE SET latest = excluded.latest, changed_at = excluded.changed_at
                WHERE user_license_states.changed_at <= excluded.changed_at""",
                EventJson.write(event), UserLifecycle.kept(time), event.userId(), event.tenantId());
        if (kept == 0) {
            LOG.debugf("License states of user %s: the directory does not have the user (purged) or kept newer ones",
                    event.userId());
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

    /**
     * Keeps what the event states of the user's product, in one statement: a row for a user the directory does not
     * have (purged) is never written, and one kept from a later event is left as it is (the latest event wins; one of
     * the same time applies in the order it arrives).
     *
     * @param disabledPlans null keeps those known (a new row: none)
     * @param statesGroup whether the event states {@code assignedByGroup}; false keeps the group known (a new row: none)
     */
    private void keep(UUID tenantId, UUID userId, UUID skuId, Instant time, boolean held, UUID[] disabledPlans,
            boolean statesGroup, UUID assignedByGroup, List<ServicePlan> plans) {
        int kept = sql.update("""
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
                skuId, held, disabledPlans, statesGroup ? assignedByGroup : null, planIds(plans), planServices(plans),
                UserLifecycle.kept(time), userId, tenantId, disabledPlans, statesGroup);
        if (kept == 0) {
            LOG.debugf("License event of user %s: the directory does not have the user (purged) or kept a later event",
                    userId);
        }
    }

    private static UUID[] planIds(List<ServicePlan> plans) {
        return plans.stream().map(ServicePlan::servicePlanId).toArray(UUID[]::new);
    }

    /** The service of each plan; an event written before service existed names the plan instead. */
    private static String[] planServices(List<ServicePlan> plans) {
        return plans.stream().map(plan -> plan.service() == null ? plan.servicePlanName() : plan.service())
                .toArray(String[]::new);
    }
}
