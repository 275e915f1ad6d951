package org.licenselifecycle.licensing.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A user as directory-service's events last said: licensing keeps this read model of its own (fed by
 * {@code directory.user-events}, through {@link DirectoryUsers}) and never reads directory-service's tables.
 * It converges on what the directory holds whatever order the events arrive in: per user it keeps the time of
 * the latest event applied, and a principal name is not unique here (see {@link UserRows#find}).
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
