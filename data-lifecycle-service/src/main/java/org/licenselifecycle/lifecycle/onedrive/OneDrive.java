package org.licenselifecycle.lifecycle.onedrive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.ServicePlan;

/**
 * A user's OneDrive for Business. A license with a SharePoint or OneDrive plan provisions it; removing a
 * license never changes it: "Files saved in OneDrive for Business aren't deleted unless the user is
 * deleted". When the user is deleted it is kept for the tenant's OneDrive retention, with access given to
 * the user's manager (or the tenant's secondary owner), then deleted; restoring the user inside that
 * window brings it back as before.
 */
@Entity
@Table(name = "onedrive")
public class OneDrive extends PanacheEntityBase {

    @Id
    public UUID userId;
    public UUID tenantId;
    public String userPrincipalName;
    @Enumerated(EnumType.STRING)
    public OneDriveState state;
    public String url;
    public Instant provisionedAt;
    public Instant userDeletedAt;
    /** When a deleted user's OneDrive is deleted; null unless RETAINED. */
    public Instant deleteAfter;
    public UUID accessGrantedTo;
    @Enumerated(EnumType.STRING)
    public AccessGrant accessGrantedAs;
    public Instant deletedAt;
    public Instant updatedAt;
    @Version
    public long version;

    /**
     * Whether a license comes with OneDrive, as licensing's catalog says it in the event ({@code oneDrive}). An event
     * written before that field is judged by its plans' names, as this service did then ({@link #includedIn(Collection)}).
     */
    public static boolean includedIn(LicenseAssigned license) {
        return license.oneDrive() != null ? license.oneDrive() : includedIn(license.servicePlans());
    }

    /**
     * Whether a license with these enabled plans comes with OneDrive (SHAREPOINT* or ONEDRIVE* plans): only for
     * LicenseAssigned events written before they carried {@code oneDrive} (licensing's catalog, {@code Workload},
     * owns the rule). Remove once no such event can be replayed.
     */
    public static boolean includedIn(Collection<ServicePlan> servicePlans) {
        return servicePlans.stream()
                .map(plan -> plan.servicePlanName().toUpperCase(Locale.ROOT))
                .anyMatch(name -> name.startsWith("SHAREPOINT") || name.startsWith("ONEDRIVE"));
    }

    public static OneDrive provision(UUID tenantId, UUID userId, String userPrincipalName, Instant licensedAt,
            Instant now) {
        OneDrive oneDrive = new OneDrive();
        oneDrive.userId = userId;
        oneDrive.tenantId = tenantId;
        oneDrive.userPrincipalName = userPrincipalName;
        oneDrive.state = OneDriveState.ACTIVE;
        oneDrive.url = personalSiteUrl(userPrincipalName);
        oneDrive.provisionedAt = licensedAt;
        oneDrive.updatedAt = now;
        return oneDrive;
    }

    public static Optional<OneDrive> lockedOfUser(UUID userId) {
        return find("userId", userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * The user was deleted: kept until {@code deletedAt + retention}, open to the manager, or to the
     * secondary owner when there is no manager. A OneDrive already retained or deleted keeps its dates.
     */
    public boolean userDeleted(Instant deletedAt, Duration retention, UUID managerId, UUID secondaryOwnerId, Instant now) {
        if (state != OneDriveState.ACTIVE) {
            return false;
        }
        state = OneDriveState.RETAINED;
        userDeletedAt = deletedAt;
        deleteAfter = deletedAt.plus(retention);
        if (managerId != null) {
            accessGrantedTo = managerId;
            accessGrantedAs = AccessGrant.MANAGER;
        } else if (secondaryOwnerId != null) {
            accessGrantedTo = secondaryOwnerId;
            accessGrantedAs = AccessGrant.SECONDARY_OWNER;
        }
        updatedAt = now;
        return true;
    }

    /** The user was restored: the OneDrive is back as before, the access given for the deletion withdrawn. */
    public boolean userRestored(Instant now) {
        if (state != OneDriveState.RETAINED) {
            return false;
        }
        state = OneDriveState.ACTIVE;
        userDeletedAt = null;
        deleteAfter = null;
        accessGrantedTo = null;
        accessGrantedAs = null;
        updatedAt = now;
        return true;
    }

    public boolean dueAt(Instant at) {
        return state == OneDriveState.RETAINED && !at.isBefore(deleteAfter);
    }

    /** The retention is over: the files are deleted. */
    public void deleted(Instant now) {
        state = OneDriveState.DELETED;
        deletedAt = now;
        deleteAfter = null;
        accessGrantedTo = null;
        accessGrantedAs = null;
        updatedAt = now;
    }

    public static Optional<OneDrive> ofUser(UUID tenantId, UUID userId) {
        return find("userId = ?1 and tenantId = ?2", userId, tenantId).firstResultOptional();
    }

    /**
     * SharePoint's personal site address: {@code https://<tenant>-my.sharepoint.com/personal/<upn>}, the
     * tenant name being the first label of the UPN's domain and the UPN's dots and @ written as underscores.
     */
    static String personalSiteUrl(String userPrincipalName) {
        String upn = userPrincipalName.toLowerCase(Locale.ROOT);
        String domain = upn.substring(upn.indexOf('@') + 1);
        String tenantName = domain.split("\\.", 2)[0];
        return "https://" + tenantName + "-my.sharepoint.com/personal/" + upn.replace('.', '_').replace('@', '_');
    }
}
