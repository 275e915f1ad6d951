package org.licenselifecycle.licensing.users;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A user as directory-service's events last said: licensing keeps this read model of its own (fed by
 * {@code directory.user-events}, through {@link DirectoryUsers}) and never reads directory-service's tables.
 * It converges on what the directory holds whatever order the events arrive in: per user it keeps the time of
 * the latest event applied, and a principal name is not unique here (see {@link UserRows#find}). A row of
 * {@code directory_user}, read and written by {@link DirectoryUserRepository}.
 */
public class DirectoryUser {

    private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");

    public UUID userId;

    public UUID tenantId;

    public String userPrincipalName;

    public String displayName;

    public String usageLocation;

    public boolean accountEnabled;

    public Instant createdAt;

    /** When directory-service deleted the user (soft); null while the user is active. */
    public Instant deletedAt;

    /** The time ({@code ce_time}) of the latest event applied to the principal name and to deleted or not. */
    public Instant changedAt;

    /**
     * The time of the UserCreated or UserUpdated the display name, usage location and account state come
     * from; null while only other events were heard (the details are then placeholders).
     */
    public Instant detailsChangedAt;

    /** When the user was purged: the row stays only so that no late event brings them back. */
    public Instant purgedAt;

    /** The row as last read or written ({@link DirectoryUserRepository}); null while it was never stored. */
    Object[] stored;

    /** The row's columns, in {@link DirectoryUserRepository#COLUMNS}' order. */
    Object[] columns() {
        return new Object[] {userId, tenantId, userPrincipalName, displayName, usageLocation, accountEnabled, createdAt,
            deletedAt, changedAt, detailsChangedAt, purgedAt};
    }

    /** Whether a field changed since the row was last read or written. */
    boolean changedSinceStored() {
        return !Arrays.equals(columns(), stored);
    }

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
