package org.licenselifecycle.licensing.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.licenselifecycle.contract.graph.ObjectIds;

/**
 * A user as directory-service's events last said: licensing keeps this read model of its own (fed by
 * {@code directory.user-events}, through {@link DirectoryUsers}) and never reads directory-service's tables.
 * It converges on what the directory holds whatever order the events arrive in: per user it keeps the time of
 * the latest event applied, and a principal name is not unique here (see {@link #selectActive}).
 */
@Entity
@Table(name = "directory_user")
public class DirectoryUser extends PanacheEntityBase {

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");
    /** The first key of the advisory locks on user ids (the second: the id's hash); any other use picks another. */
    private static final int USER_ID_LOCKS = 0x75736572; // "user"

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "user_principal_name", nullable = false)
    public String userPrincipalName;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "usage_location")
    public String usageLocation;

    @Column(name = "account_enabled", nullable = false)
    public boolean accountEnabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When directory-service deleted the user (soft); null while the user is active. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The time ({@code ce_time}) of the latest event applied to the principal name and to deleted or not. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /**
     * The time of the UserCreated or UserUpdated the display name, usage location and account state come
     * from; null while only other events were heard (the details are then placeholders).
     */
    @Column(name = "details_changed_at")
    public Instant detailsChangedAt;

    /** When the user was purged: the row stays only so that no late event brings them back. */
    @Column(name = "purged_at")
    public Instant purgedAt;

    /** Licenses can only be assigned to a user with a usage location (an ISO 3166 country code). */
    public boolean hasValidUsageLocation() {
        return isValidUsageLocation(usageLocation);
    }

    public static boolean isValidUsageLocation(String usageLocation) {
        return usageLocation != null && COUNTRY_CODE.matcher(usageLocation).matches();
    }

    public UserRef ref() {
        return new UserRef(tenantId, userId, userPrincipalName);
    }

    /**
     * The active user of {@code tenantId} named by id or userPrincipalName, as Graph's {@code users/{id}}
     * segment. A deleted user is not found, as in Graph.
     */
    public static Optional<DirectoryUser> findInTenant(UUID tenantId, String idOrUserPrincipalName) {
        return query(tenantId, idOrUserPrincipalName);
    }

    private static Optional<DirectoryUser> query(UUID tenantId, String ref) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        Optional<UUID> id = ObjectIds.of(ref);
        List<?> found = getEntityManager().createNativeQuery(selectActive("*", id.isPresent()), DirectoryUser.class)
                .setParameter(1, tenantId)
                .setParameter(2, id.isPresent() ? id.get() : ref)
                .getResultList();
        return found.stream().map(DirectoryUser.class::cast).findFirst();
    }

    /**
     * SQL that selects {@code columns} of the active user of a tenant named by id ({@code byId}) or by
     * userPrincipalName in any case, with two parameters: the tenant, then the id or the name. The one way
     * every lookup of a user by a Graph {@code users/{id}} segment reads this table.
     *
     * <p>For a moment two active users may claim one name: a name freed by a deletion or a rename and taken
     * by another user, when the new holder's event arrives before the old holder's (they travel on different
     * partitions). The user heard of most recently holds it: at that time they held the name, so the other
     * lost it before.
     */
    public static String selectActive(String columns, boolean byId) {
        return "SELECT " + columns + " FROM directory_user WHERE tenant_id = ? AND deleted_at IS NULL AND "
                + (byId ? "user_id = ?" : "lower(user_principal_name) = lower(?) ORDER BY changed_at DESC, user_id LIMIT 1");
    }

    /**
     * The user with this id in any tenant, purged or not, locked until the transaction ends. When the read model
     * does not hold them, the id is locked instead (a transaction-scoped advisory lock), so that two writers of a
     * user not held yet, the user's event and directory's answer about them ({@link UnheardUsers}), take turns: the
     * second finds the row the first wrote, instead of inserting it again.
     */
    static Optional<DirectoryUser> locked(UUID userId) {
        Optional<DirectoryUser> held = DirectoryUser.<DirectoryUser>findByIdOptional(userId, LockModeType.PESSIMISTIC_WRITE);
        if (held.isPresent()) {
            return held;
        }
        getEntityManager().createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, USER_ID_LOCKS)
                .setParameter(2, userId.hashCode())
                .getSingleResult();
        return DirectoryUser.<DirectoryUser>findByIdOptional(userId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * A user first heard of through an event at {@code at}; until a UserCreated or UserUpdated brings the
     * details, the display name is the principal name and the account counts as disabled.
     */
    static DirectoryUser heardOf(UUID tenantId, UUID userId, String userPrincipalName, Instant at) {
        DirectoryUser user = new DirectoryUser();
        user.userId = userId;
        user.tenantId = tenantId;
        user.userPrincipalName = userPrincipalName;
        user.displayName = userPrincipalName;
        user.createdAt = at;
        user.changedAt = at;
        return user;
    }

    /** What an event at {@code at}, newer than every one applied, says of the user's principal name. */
    void named(String userPrincipalName, Instant at) {
        this.userPrincipalName = userPrincipalName;
        this.changedAt = at;
    }

    /** Deleted (soft) at {@code at}: no longer active. */
    void deleted(Instant at) {
        deletedAt = at;
    }

    /** Back from the deleted users: active again. */
    void restored() {
        deletedAt = null;
    }

    /** Purged at {@code purgedAt} (said by an event at {@code at}): for good, and deleted if no deletion was heard. */
    void purged(Instant purgedAt, Instant at) {
        this.purgedAt = purgedAt;
        this.changedAt = at;
        if (deletedAt == null) {
            deletedAt = purgedAt;
        }
    }

    /** The details of a UserCreated or UserUpdated at {@code at}, unless newer ones were applied already. */
    void details(Instant at, String displayName, String usageLocation, boolean accountEnabled) {
        if (detailsChangedAt != null && at.isBefore(detailsChangedAt)) {
            return;
        }
        this.displayName = displayName;
        this.usageLocation = usageLocation;
        this.accountEnabled = accountEnabled;
        this.detailsChangedAt = at;
    }
}
