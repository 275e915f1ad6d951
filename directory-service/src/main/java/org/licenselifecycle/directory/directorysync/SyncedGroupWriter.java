package org.licenselifecycle.directory.directorysync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.directorysync.SyncResult.Outcome;
import org.licenselifecycle.directory.groups.SyncedGroups;
import org.licenselifecycle.directory.users.User;
import org.licenselifecycle.directory.users.UserRepository;

/**
 * Writes one group entry of a sync batch, in its own transaction, through {@link SyncedGroups}: the members named by
 * their anchors must be active synced users of the tenant (written before, or earlier in the same batch), else the
 * entry is refused with Graph's 404 and changes nothing.
 */
@ApplicationScoped
public class SyncedGroupWriter {

    private final UserRepository users;
    private final SyncedGroups groups;

    SyncedGroupWriter(UserRepository users, SyncedGroups groups) {
        this.users = users;
        this.groups = groups;
    }

    /** Creates or changes the group with the entry's anchor so that it holds what AD holds, members included. */
    @Transactional
    public SyncResult upsert(UUID tenantId, SyncedGroup entry, UUID syncedBy) {
        // one sync write of the tenant at a time, as for users: two batches never create one anchor twice
        users.lockReportingLines(tenantId);
        SyncedGroups.Synced synced = groups.upsert(tenantId, entry.onPremisesImmutableId(), entry.changes(),
                memberIds(tenantId, entry), syncedBy);
        Outcome outcome = switch (synced.written()) {
            case CREATED -> Outcome.CREATED;
            case UPDATED -> Outcome.UPDATED;
            case UNCHANGED -> Outcome.UNCHANGED;
        };
        return SyncResult.of(entry.onPremisesImmutableId(), synced.groupId(), outcome);
    }

    /** Deletes the group with this anchor, every membership ended; nothing when there is none. */
    @Transactional
    public SyncResult remove(UUID tenantId, String anchor, UUID syncedBy) {
        users.lockReportingLines(tenantId);
        return groups.remove(tenantId, anchor, syncedBy)
                .map(id -> SyncResult.of(anchor, id, Outcome.DELETED))
                .orElseGet(() -> SyncResult.of(anchor, null, Outcome.UNCHANGED));
    }

    private Set<UUID> memberIds(UUID tenantId, SyncedGroup entry) {
        Map<String, UUID> byAnchor = new HashMap<>();
        for (User user : users.findActiveByImmutableIds(tenantId, entry.members())) {
            byAnchor.put(user.onPremisesImmutableId, user.id);
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String anchor : entry.members()) {
            UUID id = byAnchor.get(anchor);
            if (id == null) {
                throw GraphException.notFound(anchor);
            }
            ids.add(id);
        }
        return ids;
    }
}
