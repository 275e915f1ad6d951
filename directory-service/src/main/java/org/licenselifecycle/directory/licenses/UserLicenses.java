package org.licenselifecycle.directory.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.ServicePlan;
import org.licenselifecycle.events.UserLifecycle;

/**
 * The directory's read model of its users' licenses, fed by {@code licensing.license-events}. Each event says
 * what one product is on one user at its time ({@code ce_time}), so the model converges whatever the order
 * events arrive in: per user and product the latest event wins, an older one arriving late changes nothing, and
 * events with the same time apply in the order they arrive (as {@link UserLifecycle} orders users' events).
 * Events of a user the directory no longer has (purged) change nothing. The license assignment states licensing
 * states whole (LicenseAssignmentStatesChanged) are kept whole, the latest winning as well.
 */
@ApplicationScoped
public class UserLicenses {

    private static final Logger LOG = Logger.getLogger(UserLicenses.class);

    private final EntityManager entityManager;

    UserLicenses(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The user holds the product (again), with the plans and group the event states. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assigned(LicenseAssigned event, Instant time) {
        apply(event.tenantId(), event.userId(), event.skuId(), time, row -> {
            row.held = true;
            // an event written before disabledPlans and assignedByGroup (added together) leaves what was known
            if (event.disabledPlans() != null) {
                row.disabledPlans = event.disabledPlans().toArray(UUID[]::new);
                row.assignedByGroup = event.assignedByGroup();
            }
            plans(row, event.servicePlans());
        });
    }

    /** The user no longer holds the product; its plans stay on the user as deleted ones. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removed(LicenseRemoved event, Instant time) {
        apply(event.tenantId(), event.userId(), event.skuId(), time, row -> {
            row.held = false;
            row.assignedByGroup = null;
            plans(row, event.removedServicePlans());
        });
    }

    /**
     * The user's license assignment states, as licensing's event states them whole; an older event than the one
     * kept changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void statesChanged(LicenseAssignmentStatesChanged event, Instant time) {
        Instant kept = UserLifecycle.kept(time);
        if (!userExists(event.tenantId(), event.userId())) {
            LOG.debugf("License states of user %s, whom the directory does not have (purged): nothing to keep",
                    event.userId());
            return;
        }
        UserLicenseStates row = entityManager.find(UserLicenseStates.class, event.userId(), LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new UserLicenseStates();
            row.userId = event.userId();
            row.tenantId = event.tenantId();
            row.latest = EventJson.write(event);
            row.changedAt = kept;
            entityManager.persist(row);
        } else if (!kept.isBefore(row.changedAt)) {
            row.latest = EventJson.write(event);
            row.changedAt = kept;
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

    private void apply(UUID tenantId, UUID userId, UUID skuId, Instant time, Consumer<UserLicense> change) {
        Instant kept = UserLifecycle.kept(time);
        if (!userExists(tenantId, userId)) {
            LOG.debugf("License event of user %s, whom the directory does not have (purged): nothing to keep", userId);
            return;
        }
        UserLicense row = entityManager.find(UserLicense.class, new UserLicense.Key(userId, skuId),
                LockModeType.PESSIMISTIC_WRITE);
        if (row == null) {
            row = new UserLicense();
            row.userId = userId;
            row.skuId = skuId;
            row.tenantId = tenantId;
            row.disabledPlans = new UUID[0];
            change.accept(row);
            row.changedAt = kept;
            entityManager.persist(row);
        } else if (!kept.isBefore(row.changedAt)) {
            change.accept(row);
            row.changedAt = kept;
        }
    }

    private boolean userExists(UUID tenantId, UUID userId) {
        return !entityManager.createNativeQuery("SELECT 1 FROM users WHERE id = :id AND tenant_id = :tenant")
                .setParameter("id", userId)
                .setParameter("tenant", tenantId)
                .getResultList().isEmpty();
    }

    private static void plans(UserLicense row, List<ServicePlan> plans) {
        row.planIds = plans.stream().map(ServicePlan::servicePlanId).toArray(UUID[]::new);
        // an event written before service existed names the plan instead
        row.planServices = plans.stream().map(plan -> plan.service() == null ? plan.servicePlanName() : plan.service())
                .toArray(String[]::new);
    }
}
