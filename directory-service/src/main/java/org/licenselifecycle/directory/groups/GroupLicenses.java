package org.licenselifecycle.directory.groups;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.GroupLicensesChanged;
import org.licenselifecycle.events.UserLifecycle;

/**
 * The directory's read model of the products each group gives its members (Graph's group {@code assignedLicenses}),
 * fed by licensing-service's GroupLicensesChanged, which states the group's whole list: the latest event (by its
 * {@code ce_time}) wins, an older one arriving late changes nothing. Events of a group the directory no longer has
 * (deleted) change nothing.
 */
@ApplicationScoped
public class GroupLicenses {

    private static final Logger LOG = Logger.getLogger(GroupLicenses.class);

    private final GroupRepository groups;

    GroupLicenses(GroupRepository groups) {
        this.groups = groups;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(GroupLicensesChanged event, Instant time) {
        Instant kept = UserLifecycle.kept(time);
        Group group = groups.lockedOrNull(event.tenantId(), event.groupId());
        if (group == null) {
            LOG.debugf("Licenses of group %s, which the directory does not have (deleted): nothing to keep", event.groupId());
            return;
        }
        if (group.licensesChangedAt != null && kept.isBefore(group.licensesChangedAt)) {
            return;
        }
        var entityManager = groups.getEntityManager();
        entityManager.createQuery("DELETE FROM GroupLicense WHERE groupId = :group")
                .setParameter("group", group.id)
                .executeUpdate();
        for (GroupLicensesChanged.GroupLicense given : event.assignedLicenses()) {
            GroupLicense license = new GroupLicense();
            license.groupId = group.id;
            license.skuId = given.skuId();
            license.disabledPlans = given.disabledPlans().toArray(UUID[]::new);
            entityManager.persist(license);
        }
        group.licensesChangedAt = kept;
    }
}
