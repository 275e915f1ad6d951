package org.licenselifecycle.directory.directorysync;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.groups.GroupValidation;
import org.licenselifecycle.directory.users.UserValidation;

/**
 * The directory synchronization (Entra Connect's export to the cloud): applies a sync agent's batch of users and
 * security groups mastered in on-premises AD. Idempotent by anchor: an entry states what AD holds, so a replay changes
 * nothing.
 *
 * <p>Two kinds of refusal. What the batch says wrong by itself (no entries, more than
 * {@link DirectorySyncConfig#maxBatchSize()}, an entry without anchor or with an unknown operation, an anchor twice,
 * a missing or invalid property) refuses the whole batch with a 400 naming the entry, before anything is written.
 * What depends on the directory (a userPrincipalName another user holds or outside the tenant's domains, an unknown
 * manager, a reporting-line cycle, a soft match of an admin) refuses that entry alone: each entry commits on its own
 * ({@link SyncedUserWriter}), so the others apply and the answer says, per entry, what happened.
 *
 * <p>Order: the users' upserts first, a manager before the users reporting to them (so a batch may bring both), then
 * the users' deletions, then the groups in the batch's order, each in its own transaction ({@link SyncedGroupWriter}):
 * a group's members are users by anchor, so a user of the same batch can be one. An unknown member anchor refuses that
 * group's entry alone. The answer keeps the batch's order.
 */
@ApplicationScoped
public class DirectorySyncService {

    private static final int MAX_ANCHOR_LENGTH = 256;

    private final SyncedUserWriter writer;
    private final SyncedGroupWriter groupWriter;
    private final DirectorySyncConfig config;

    DirectorySyncService(SyncedUserWriter writer, SyncedGroupWriter groupWriter, DirectorySyncConfig config) {
        this.writer = writer;
        this.groupWriter = groupWriter;
        this.config = config;
    }

    /**
     * Applies the batch to the tenant's users, each entry in its own transaction.
     *
     * @param syncedBy the sync agent's object id (its service principal's or account's), named in events and audit
     * @throws GraphException 400 when the batch itself is wrong; nothing changed
     */
    public SyncBatchResult apply(UUID tenantId, SyncBatch batch, UUID syncedBy) {
        validate(batch);
        List<SyncedUser> entries = batch.usersOrNone();
        SyncResult[] results = new SyncResult[entries.size()];
        for (int index : order(entries)) {
            SyncedUser entry = entries.get(index);
            try {
                results[index] = entry.isUpsert()
                        ? writer.upsert(tenantId, entry, syncedBy)
                        : writer.remove(tenantId, entry.onPremisesImmutableId(), syncedBy);
            } catch (GraphException refusal) {
                results[index] = SyncResult.refused(entry.onPremisesImmutableId(), refusal);
            }
        }
        // after the users: a user the batch creates can be a member, and one it deletes is no longer
        List<SyncResult> groupResults = new ArrayList<>();
        for (SyncedGroup group : batch.groupsOrNone()) {
            try {
                groupResults.add(group.isUpsert()
                        ? groupWriter.upsert(tenantId, group, syncedBy)
                        : groupWriter.remove(tenantId, group.onPremisesImmutableId(), syncedBy));
            } catch (GraphException refusal) {
                groupResults.add(SyncResult.refused(group.onPremisesImmutableId(), refusal));
            }
        }
        return new SyncBatchResult(Arrays.asList(results), groupResults);
    }

    private void validate(SyncBatch batch) {
        int size = batch == null ? 0 : batch.usersOrNone().size() + batch.groupsOrNone().size();
        if (size == 0) {
            throw GraphException.badRequest(
                    "A directory synchronization batch needs at least one entry in 'users' or 'groups'.");
        }
        if (size > config.maxBatchSize()) {
            throw GraphException.badRequest("A directory synchronization batch holds at most " + config.maxBatchSize()
                    + " entries; this one holds " + size + ".");
        }
        Set<String> anchors = new HashSet<>();
        List<SyncedUser> users = batch.usersOrNone();
        for (int i = 0; i < users.size(); i++) {
            try {
                validate(users.get(i), anchors);
            } catch (GraphException e) {
                throw GraphException.badRequest("users[" + i + "]: " + e.getMessage());
            }
        }
        Set<String> groupAnchors = new HashSet<>();
        List<SyncedGroup> groups = batch.groupsOrNone();
        for (int i = 0; i < groups.size(); i++) {
            try {
                validate(groups.get(i), groupAnchors);
            } catch (GraphException e) {
                throw GraphException.badRequest("groups[" + i + "]: " + e.getMessage());
            }
        }
    }

    private static void validate(SyncedGroup entry, Set<String> anchors) {
        if (entry == null) {
            throw GraphException.badRequest("An entry is required.");
        }
        anchor(entry.onPremisesImmutableId(), anchors);
        operation(entry.operation());
        if (!entry.isUpsert()) {
            return;
        }
        if (entry.displayName() == null || entry.mailNickname() == null) {
            throw GraphException.badRequest("A value is required for property '"
                    + (entry.displayName() == null ? "displayName" : "mailNickname") + "' of resource 'Group'.");
        }
        GroupValidation.validate(entry.changes());
        if (entry.members() == null) {
            throw GraphException.badRequest("A list is required for property 'members': the group's members' anchors.");
        }
        Set<String> members = new HashSet<>();
        for (String member : entry.members()) {
            if (member == null || member.isBlank() || member.length() > MAX_ANCHOR_LENGTH) {
                throw GraphException.badRequest("Each of 'members' must be a user's anchor of at most "
                        + MAX_ANCHOR_LENGTH + " characters.");
            }
            if (!members.add(member)) {
                throw GraphException.badRequest("The member '" + member + "' is in 'members' more than once.");
            }
        }
    }

    /** Checks an entry's anchor, unique among the batch's entries of its kind. */
    private static void anchor(String anchor, Set<String> anchors) {
        if (anchor == null || anchor.isBlank() || anchor.length() > MAX_ANCHOR_LENGTH) {
            throw GraphException.badRequest("A value of at most " + MAX_ANCHOR_LENGTH
                    + " characters is required for property 'onPremisesImmutableId'.");
        }
        if (!anchors.add(anchor)) {
            throw GraphException.badRequest("The anchor '" + anchor + "' is in this batch more than once.");
        }
    }

    private static void operation(String operation) {
        if (!SyncedUser.UPSERT.equals(operation) && !SyncedUser.DELETE.equals(operation)) {
            throw GraphException.badRequest("Property 'operation' must be 'upsert' or 'delete'.");
        }
    }

    private static void validate(SyncedUser entry, Set<String> anchors) {
        if (entry == null) {
            throw GraphException.badRequest("An entry is required.");
        }
        String anchor = entry.onPremisesImmutableId();
        anchor(anchor, anchors);
        operation(entry.operation());
        if (!entry.isUpsert()) {
            return;
        }
        required(entry.userPrincipalName(), "userPrincipalName");
        required(entry.displayName(), "displayName");
        required(entry.accountEnabled(), "accountEnabled");
        UserValidation.validate(entry.changes());
        if (anchor.equals(entry.managerImmutableId())) {
            throw GraphException.badRequest("A user cannot be their own manager.");
        }
    }

    private static void required(Object value, String property) {
        if (value == null) {
            throw GraphException.badRequest("A value is required for property '" + property + "' of resource 'User'.");
        }
    }

    /** The entries' indexes: upserts with each manager of the batch before their reports, then deletions. */
    private static List<Integer> order(List<SyncedUser> entries) {
        Map<String, Integer> upserts = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).isUpsert()) {
                upserts.put(entries.get(i).onPremisesImmutableId(), i);
            }
        }
        List<Integer> order = new ArrayList<>(entries.size());
        Set<Integer> placed = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).isUpsert()) {
                placeAfterManagers(i, entries, upserts, placed, order);
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            if (!entries.get(i).isUpsert()) {
                order.add(i);
            }
        }
        return order;
    }

    private static void placeAfterManagers(int index, List<SyncedUser> entries, Map<String, Integer> upserts,
            Set<Integer> placed, List<Integer> order) {
        // walk up the reporting line inside the batch; a cycle stops at an entry already on the way (its writer refuses it)
        List<Integer> chain = new ArrayList<>();
        for (Integer at = index; at != null && placed.add(at); at = upserts.get(entries.get(at).managerImmutableId())) {
            chain.add(at);
        }
        for (int i = chain.size() - 1; i >= 0; i--) {
            order.add(chain.get(i));
        }
    }
}
