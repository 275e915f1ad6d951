package org.licenselifecycle.lifecycle.onedrive;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.MalformedEventException;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.lifecycle.timeline.Timeline;
import org.licenselifecycle.lifecycle.timeline.TimelineEvent;
import org.licenselifecycle.lifecycle.users.DirectoryUser;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * What OneDrive does when licenses come and users go: a SharePoint or OneDrive plan provisions the user's
 * OneDrive; deleting the user keeps it for the tenant's retention with access for the manager; restoring
 * the user brings it back. There is deliberately no handler for a license removal: OneDrive files are not
 * deleted unless the user is.
 */
@ApplicationScoped
public class OneDriveService {

    private final Clock clock;
    private final Timeline timeline;

    OneDriveService(Clock clock, Timeline timeline) {
        this.clock = clock;
        this.timeline = timeline;
    }

    @Transactional
    public void licenseAssigned(LicenseAssigned event) {
        if (!OneDrive.includedIn(event)) {
            return;
        }
        OneDrive existing = OneDrive.lockedOfUser(event.userId()).orElse(null);
        if (existing == null) {
            OneDrive created = OneDrive.provision(event.tenantId(), event.userId(), event.userPrincipalName(),
                    event.assignedAt(), clock.instant());
            created.persist();
            timeline.record(event.tenantId(), event.userId(), event.assignedAt(), TimelineEvent.ONEDRIVE_PROVISIONED,
                    null, "OneDrive provisioned by " + event.skuPartNumber() + ": " + created.url);
            // the license may be heard of after the user's deletion (another topic): follow the deletion
            DirectoryUser.deleted(event.userId()).ifPresent(deleted ->
                    keepForDeletedUser(created, deleted.deletedAt, deleted.managerId, deleted.deletedBy));
            return;
        }
        requireSameTenant(existing, event.tenantId());
        // an existing OneDrive stays as it is: same site, same files
    }

    @Transactional
    public void userDeleted(UserDeleted event) {
        OneDrive oneDrive = OneDrive.lockedOfUser(event.userId()).orElse(null);
        if (oneDrive == null) {
            return;
        }
        requireSameTenant(oneDrive, event.tenantId());
        keepForDeletedUser(oneDrive, event.deletedAt(), event.managerId(), event.deletedBy());
    }

    @Transactional
    public void userRestored(UserRestored event) {
        OneDrive oneDrive = OneDrive.lockedOfUser(event.userId()).orElse(null);
        if (oneDrive == null) {
            return;
        }
        requireSameTenant(oneDrive, event.tenantId());
        Instant now = clock.instant();
        if (oneDrive.dueAt(event.restoredAt())) {
            // restored too late: the files were past their date
            delete(oneDrive, now);
        }
        if (oneDrive.userRestored(now)) {
            timeline.record(oneDrive.tenantId, oneDrive.userId, event.restoredAt(), TimelineEvent.USER_RESTORED,
                    event.restoredBy(), "OneDrive back as before (ACTIVE); access given for the deletion withdrawn.");
        }
    }

    /** Deletes the files of a OneDrive whose retention is over, and tells the timeline. */
    void delete(OneDrive oneDrive, Instant now) {
        oneDrive.deleted(now);
        timeline.record(oneDrive.tenantId, oneDrive.userId, now, TimelineEvent.ONEDRIVE_DELETED, null,
                "OneDrive retention over: files deleted.");
    }

    private void keepForDeletedUser(OneDrive oneDrive, Instant deletedAt, UUID managerId, UUID deletedBy) {
        OneDriveSettings settings = OneDriveSettings.of(oneDrive.tenantId);
        if (!oneDrive.userDeleted(deletedAt, Duration.ofDays(settings.retentionDays), managerId,
                settings.secondaryOwnerId, clock.instant())) {
            return;
        }
        String access = oneDrive.accessGrantedAs == null ? "no manager and no secondary owner: nobody was given access"
                : "access given to " + (oneDrive.accessGrantedAs == AccessGrant.MANAGER ? "the manager " : "the secondary owner ")
                        + oneDrive.accessGrantedTo;
        timeline.record(oneDrive.tenantId, oneDrive.userId, deletedAt, TimelineEvent.USER_DELETED, deletedBy,
                "OneDrive kept for the tenant's retention of " + settings.retentionDays + " days, until "
                        + oneDrive.deleteAfter + "; " + access + ".");
    }

    /** The user's OneDrive in the caller's tenant; 404 when there is none (or it is another tenant's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public OneDriveView find(UUID tenantId, String userId) {
        return OneDrive.ofUser(tenantId, ObjectIds.parse(userId))
                .map(OneDriveView::of)
                .orElseThrow(() -> GraphException.notFound(userId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OneDriveSettingsView settings(UUID tenantId) {
        return OneDriveSettingsView.of(OneDriveSettings.of(tenantId));
    }

    @Transactional
    public OneDriveSettingsView setRetention(UUID tenantId, OneDriveRetentionRequest request) {
        if (request == null || request.days() == null) {
            throw GraphException.badRequest("The retention in days is required.");
        }
        int days = request.days();
        if (days < OneDriveSettings.MIN_RETENTION_DAYS || days > OneDriveSettings.MAX_RETENTION_DAYS) {
            throw GraphException.badRequest("The OneDrive retention must be between " + OneDriveSettings.MIN_RETENTION_DAYS
                    + " and " + OneDriveSettings.MAX_RETENTION_DAYS + " days.");
        }
        OneDriveSettings settings = stored(tenantId);
        settings.retentionDays = days;
        return OneDriveSettingsView.of(settings);
    }

    @Transactional
    public OneDriveSettingsView setSecondaryOwner(UUID tenantId, SecondaryOwnerRequest request) {
        if (request == null) {
            throw GraphException.badRequest("A body {\"userId\": guid or null} is required.");
        }
        OneDriveSettings settings = stored(tenantId);
        settings.secondaryOwnerId = request.userId();
        return OneDriveSettingsView.of(settings);
    }

    private OneDriveSettings stored(UUID tenantId) {
        OneDriveSettings settings = OneDriveSettings.of(tenantId);
        settings.updatedAt = clock.instant();
        if (!settings.isPersistent()) {
            settings.persist();
        }
        return settings;
    }

    private static void requireSameTenant(OneDrive oneDrive, UUID tenantId) {
        if (!oneDrive.tenantId.equals(tenantId)) {
            // user ids are unique across tenants: an event that says otherwise is not to be trusted
            throw new MalformedEventException("User " + oneDrive.userId + " belongs to another tenant than " + tenantId);
        }
    }
}
