package org.licenselifecycle.lifecycle.mailbox;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The reference model of the data lifecycle rules, for one user, written from the source document and
 * DESIGN.md without looking at how the service stores anything: plain Java, no I/O. It answers what must
 * be true of the user's data at any moment: when the mailbox may be purged at the earliest, whether it is
 * protected, whether eDiscovery may see it, when OneDrive may go.
 */
final class LifecycleModel {

    static final Duration GRACE = Duration.ofDays(30);
    static final Duration SOFT_DELETED = Duration.ofDays(30);
    static final Duration ONEDRIVE_RETENTION = Duration.ofDays(30);

    boolean mailboxExists;
    boolean licensed;
    boolean enterprise;
    Instant removedAt;
    final Set<HoldKind> holds = EnumSet.noneOf(HoldKind.class);
    Instant lastReleaseAt;
    boolean userDeleted;
    Instant userDeletedAt;
    boolean purged;
    /** Items delivered under a retention label, in every mailbox the user ever had: none may ever be deleted. */
    int labelledItems;

    boolean oneDriveExists;
    boolean oneDriveDeleted;
    Instant oneDriveDeleteAfter;

    /** The earliest instant the mailbox's data may be deleted; null while it must be kept indefinitely. */
    Instant mailboxDataDue() {
        if (!mailboxExists || purged || !holds.isEmpty()) {
            return null;
        }
        Instant due = null;
        if (!licensed) {
            due = later(removedAt, lastReleaseAt).plus(GRACE);
        }
        if (userDeleted) {
            Instant deletionDue = later(userDeletedAt, lastReleaseAt).plus(SOFT_DELETED);
            due = due == null || deletionDue.isBefore(due) ? deletionDue : due;
        }
        return due;
    }

    boolean mailboxDueAt(Instant now) {
        Instant due = mailboxDataDue();
        return due != null && !now.isBefore(due);
    }

    /** eDiscovery sees active, held and inactive mailboxes; never a disconnected or soft-deleted one without a hold. */
    boolean searchable() {
        if (!mailboxExists || purged) {
            return false;
        }
        return !holds.isEmpty() || licensed && !userDeleted;
    }

    boolean inactive() {
        return mailboxExists && !purged && userDeleted && enterprise && !holds.isEmpty();
    }

    void assigned(boolean enterprisePlan, Instant now) {
        if (!mailboxExists || purged || mailboxDueAt(now)) {
            mailboxExists = true;
            purged = false;
            removedAt = null;
            lastReleaseAt = null;
            enterprise = enterprisePlan;
        } else if (!licensed) {
            enterprise = enterprisePlan;
        } else {
            enterprise = enterprise || enterprisePlan;
        }
        licensed = true;
        oneDriveExists = true;
    }

    void removed(Instant now) {
        if (mailboxExists && licensed && !purged) {
            licensed = false;
            removedAt = now;
        }
    }

    void held(HoldKind kind) {
        holds.add(kind);
    }

    void released(HoldKind kind, Instant now) {
        if (holds.remove(kind) && holds.isEmpty()) {
            lastReleaseAt = now;
        }
    }

    void deleted(Instant now) {
        if (!userDeleted) {
            userDeleted = true;
            userDeletedAt = now;
            if (oneDriveExists && !oneDriveDeleted && oneDriveDeleteAfter == null) {
                oneDriveDeleteAfter = now.plus(ONEDRIVE_RETENTION);
            }
        }
    }

    void restored(Instant now) {
        userDeleted = false;
        userDeletedAt = null;
        if (oneDriveDeleteAfter != null && now.isBefore(oneDriveDeleteAfter)) {
            oneDriveDeleteAfter = null;
        }
    }

    boolean oneDriveDueAt(Instant now) {
        return oneDriveExists && !oneDriveDeleted && oneDriveDeleteAfter != null && !now.isBefore(oneDriveDeleteAfter);
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
