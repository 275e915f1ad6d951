package org.licenselifecycle.licensing.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.events.UserUpdated;

/**
 * A user as directory-service announced it: licensing keeps this read model of its own (fed by
 * {@code directory.user-events}) and never reads directory-service's tables.
 */
@Entity
@Table(name = "directory_user")
public class DirectoryUser extends PanacheEntityBase {

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

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
        return query(tenantId, idOrUserPrincipalName, LockModeType.NONE);
    }

    /**
     * Like {@link #findInTenant} and locks the row until the transaction ends, so that changes to one
     * user's licenses happen one after the other.
     */
    public static Optional<DirectoryUser> lockInTenant(UUID tenantId, String idOrUserPrincipalName) {
        return query(tenantId, idOrUserPrincipalName, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Optional<DirectoryUser> query(UUID tenantId, String ref, LockModeType lock) {
        if (ref == null || ref.isBlank()) {
            return Optional.empty();
        }
        Optional<UUID> id = idOf(ref);
        var query = id.isPresent()
                ? find("tenantId = ?1 and userId = ?2 and deletedAt is null", tenantId, id.get())
                : find("tenantId = ?1 and lower(userPrincipalName) = lower(?2) and deletedAt is null", tenantId, ref);
        return query.withLock(lock).firstResultOptional();
    }

    /** The id that a Graph {@code users/{id}} segment names; empty when it names a userPrincipalName. */
    public static Optional<UUID> idOf(String ref) {
        try {
            UUID id = UUID.fromString(ref);
            // UUID.fromString accepts shortened groups; only a canonical GUID is an id
            return id.toString().equalsIgnoreCase(ref) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The user with this id, deleted or not, locked until the transaction ends (for directory events). */
    public static Optional<DirectoryUser> lockById(UUID tenantId, UUID userId) {
        return find("tenantId = ?1 and userId = ?2", tenantId, userId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /**
     * Overwrites the details licensing keeps with a UserUpdated snapshot; events of one user arrive in
     * order, so the last one wins. An unknown user (or one of another tenant) is left alone.
     */
    public static void update(UserUpdated updated) {
        update("userPrincipalName = ?1, displayName = ?2, usageLocation = ?3, accountEnabled = ?4 "
                        + "where userId = ?5 and tenantId = ?6",
                updated.userPrincipalName(), updated.displayName(), updated.usageLocation(), updated.accountEnabled(),
                updated.userId(), updated.tenantId());
    }

    /**
     * Records a user from a UserCreated event. A later UserCreated for the same user (a new event, not a
     * redelivery) brings newer data and replaces the row's details; a user never moves between tenants.
     */
    public static void record(UserCreated created) {
        getEntityManager().createNativeQuery("""
                INSERT INTO directory_user (user_id, tenant_id, user_principal_name, display_name, usage_location,
                                            account_enabled, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                ON CONFLICT (user_id) DO UPDATE SET
                    user_principal_name = EXCLUDED.user_principal_name,
                    display_name = EXCLUDED.display_name,
                    usage_location = EXCLUDED.usage_location,
                    account_enabled = EXCLUDED.account_enabled
                WHERE directory_user.tenant_id = EXCLUDED.tenant_id""")
                .setParameter(1, created.userId())
                .setParameter(2, created.tenantId())
                .setParameter(3, created.userPrincipalName())
                .setParameter(4, created.displayName())
                .setParameter(5, created.usageLocation())
                .setParameter(6, created.accountEnabled())
                .setParameter(7, OffsetDateTime.ofInstant(created.createdAt(), ZoneOffset.UTC))
                .executeUpdate();
    }
}
