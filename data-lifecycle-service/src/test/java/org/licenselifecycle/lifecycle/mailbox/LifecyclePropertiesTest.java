package org.licenselifecycle.lifecycle.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.licenselifecycle.lifecycle.onedrive.OneDrive;
import org.licenselifecycle.lifecycle.onedrive.OneDriveState;

/**
 * Random histories of assign / remove / reassign / hold / release / delete / restore / time passing, played
 * against the service's domain classes (Mailbox, OneDrive, the purge and deletion jobs' rules) and checked
 * step by step against {@link LifecycleModel}: no mailbox purged early, no held or labelled item purged, no
 * OneDrive touched by a license removal, no data kept past its date.
 */
class LifecyclePropertiesTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Retention RETENTION = new Retention(LifecycleModel.GRACE, LifecycleModel.SOFT_DELETED);

    sealed interface Step permits Assign, Remove, Hold, Release, Delete, Restore, Deliver, Pass {
    }

    record Assign(boolean enterprise) implements Step {
    }

    record Remove() implements Step {
    }

    record Hold(HoldKind kind) implements Step {
    }

    record Release(HoldKind kind) implements Step {
    }

    /** The user is deleted; licensing's LicenseRemoved (USER_DELETED) may be heard before directory's UserDeleted. */
    record Delete(boolean licenseRemovalFirst) implements Step {
    }

    /** The user is restored, with the license given back or not, before or after UserRestored is heard. */
    record Restore(boolean licenseBack, boolean licenseFirst, boolean enterprise) implements Step {
    }

    record Deliver(boolean labelled) implements Step {
    }

    /** Time passes; the purge and OneDrive jobs may or may not run at the end of it. */
    record Pass(Duration duration, boolean jobsRun) implements Step {
    }

    /** An item as the purge treats it. */
    private static final class Item {
        final boolean labelled;
        boolean retained;

        Item(boolean labelled) {
            this.labelled = labelled;
        }
    }

    /** The service's rules for one user, driven as its services and jobs drive them, without a database. */
    private static final class Service {
        final UUID tenantId = UUID.randomUUID();
        final UUID userId = UUID.randomUUID();
        final LifecycleModel model = new LifecycleModel();
        Mailbox mailbox;
        OneDrive oneDrive;
        final List<Item> items = new ArrayList<>();
        Instant now = START;
        Instant userDeletedAt;
        int purges;

        void play(Step step) {
            if (step instanceof Assign a) {
                assign(a.enterprise());
            } else if (step instanceof Remove) {
                remove();
            } else if (step instanceof Hold h) {
                hold(h.kind());
            } else if (step instanceof Release r) {
                release(r.kind());
            } else if (step instanceof Delete d) {
                delete(d.licenseRemovalFirst());
            } else if (step instanceof Restore r) {
                restore(r);
            } else if (step instanceof Deliver d) {
                deliver(d.labelled());
            } else if (step instanceof Pass p) {
                pass(p);
            }
            check();
        }

        void assign(boolean enterprise) {
            ExchangePlan plan = enterprise ? ExchangePlan.EXCHANGE_ONLINE_PLAN_2 : ExchangePlan.EXCHANGE_ONLINE_PLAN_1;
            if (mailbox == null) {
                mailbox = Mailbox.provision(tenantId, userId, "adele@contoso.com", plan, now, now);
                if (userDeletedAt != null) {
                    mailbox.userDeleted(userDeletedAt, now, RETENTION);
                }
            } else {
                if (mailbox.dueAt(now)) {
                    purge();
                }
                mailbox.licensed("adele@contoso.com", plan, now, now, RETENTION);
            }
            if (oneDrive == null) {
                oneDrive = OneDrive.provision(tenantId, userId, "adele@contoso.com", now, now);
                if (userDeletedAt != null) {
                    oneDrive.userDeleted(userDeletedAt, LifecycleModel.ONEDRIVE_RETENTION, null, null, now);
                }
            }
            model.assigned(enterprise, now);
        }

        void remove() {
            OneDriveState before = oneDrive == null ? null : oneDrive.state;
            Instant deleteAfterBefore = oneDrive == null ? null : oneDrive.deleteAfter;
            if (mailbox != null) {
                mailbox.licenseRemoved(UUID.randomUUID(), now, now, RETENTION);
            }
            model.removed(now);
            // a license removal never touches OneDrive
            if (oneDrive != null) {
                assertThat(oneDrive.state).as("OneDrive after a license removal").isEqualTo(before);
                assertThat(oneDrive.deleteAfter).isEqualTo(deleteAfterBefore);
            }
        }

        void hold(HoldKind kind) {
            if (mailbox == null || mailbox.state == MailboxState.PURGED) {
                return; // the API refuses: nothing to hold
            }
            mailbox.placeHold(kind, now, RETENTION);
            model.held(kind);
        }

        void release(HoldKind kind) {
            if (mailbox == null) {
                return;
            }
            mailbox.releaseHold(kind, now, RETENTION);
            model.released(kind, now);
        }

        void delete(boolean licenseRemovalFirst) {
            if (userDeletedAt != null) {
                return;
            }
            userDeletedAt = now;
            if (licenseRemovalFirst) {
                remove();
            }
            if (mailbox != null && mailbox.userDeletedAt == null) {
                mailbox.userDeleted(now, now, RETENTION);
            }
            if (oneDrive != null) {
                oneDrive.userDeleted(now, LifecycleModel.ONEDRIVE_RETENTION, UUID.randomUUID(), null, now);
            }
            model.deleted(now);
            if (!licenseRemovalFirst) {
                remove();
            }
        }

        void restore(Restore restore) {
            if (userDeletedAt == null) {
                return;
            }
            if (restore.licenseBack() && restore.licenseFirst()) {
                assign(restore.enterprise());
            }
            userDeletedAt = null;
            if (mailbox != null) {
                if (mailbox.userDeletedAt != null && mailbox.dueAt(now)) {
                    purge();
                }
                mailbox.userRestored(now, RETENTION);
            }
            if (oneDrive != null) {
                if (oneDrive.dueAt(now)) {
                    deleteOneDrive();
                }
                oneDrive.userRestored(now);
            }
            model.restored(now);
            if (restore.licenseBack() && !restore.licenseFirst()) {
                assign(restore.enterprise());
            }
        }

        void deliver(boolean labelled) {
            if (mailbox != null && mailbox.state == MailboxState.ACTIVE) {
                items.add(new Item(labelled));
                if (labelled) {
                    model.labelledItems++;
                }
            }
        }

        void pass(Pass pass) {
            now = now.plus(pass.duration());
            if (!pass.jobsRun()) {
                return;
            }
            // GracePeriodPurge's claim: disconnected or soft-deleted, not held, purge date reached
            if (mailbox != null && (mailbox.state == MailboxState.DISCONNECTED || mailbox.state == MailboxState.SOFT_DELETED)
                    && mailbox.holds.isEmpty() && mailbox.purgeAfter != null && !mailbox.purgeAfter.isAfter(now)) {
                purge();
            }
            if (oneDrive != null && oneDrive.dueAt(now)) {
                deleteOneDrive();
            }
            // nothing is kept past its date once the jobs have run
            assertThat(model.mailboxDueAt(now)).as("mailbox kept past its date").isFalse();
            assertThat(model.oneDriveDueAt(now)).as("OneDrive kept past its date").isFalse();
        }

        void purge() {
            assertThat(model.holds).as("held mailbox purged").isEmpty();
            assertThat(model.mailboxDueAt(now)).as("mailbox purged before its date " + model.mailboxDataDue()).isTrue();
            items.removeIf(item -> !item.labelled);
            items.forEach(item -> item.retained = true);
            mailbox.purged(now);
            model.purged = true;
            purges++;
        }

        void deleteOneDrive() {
            assertThat(model.oneDriveDueAt(now)).as("OneDrive deleted before its date").isTrue();
            oneDrive.deleted(now);
            model.oneDriveDeleted = true;
        }

        void check() {
            if (mailbox != null) {
                assertThat(mailbox.state == MailboxState.PURGED).as("purged").isEqualTo(model.purged);
                assertThat(mailbox.searchable).as("searchable").isEqualTo(model.searchable());
                assertThat(mailbox.state == MailboxState.INACTIVE).as("inactive").isEqualTo(model.inactive());
                assertThat(mailbox.purgeAfter).as("purge date").isEqualTo(model.mailboxDataDue());
            }
            assertThat(items.stream().filter(item -> item.labelled).count()).as("labelled items kept")
                    .isEqualTo(model.labelledItems);
            if (oneDrive != null) {
                assertThat(oneDrive.state == OneDriveState.DELETED).as("OneDrive deleted").isEqualTo(model.oneDriveDeleted);
                if (!model.oneDriveDeleted) {
                    assertThat(oneDrive.deleteAfter).as("OneDrive deletion date").isEqualTo(model.oneDriveDeleteAfter);
                }
            }
        }
    }

    @Property(tries = 10_000)
    void noDataIsDestroyedEarlyNorKeptPastItsDate(@ForAll("histories") List<Step> history) {
        Service service = new Service();
        service.play(new Assign(false));
        history.forEach(service::play);
        Statistics.label("mailbox purged").collect(service.purges > 0);
        Statistics.label("OneDrive deleted").collect(service.model.oneDriveDeleted);
        Statistics.label("inactive at the end").collect(service.model.inactive());
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<HoldKind> kinds = Arbitraries.of(HoldKind.class);
        Arbitrary<Duration> durations = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.longs().between(0, Duration.ofDays(45).toMinutes()).map(Duration::ofMinutes)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(Duration.ofDays(30), Duration.ofDays(30).minusSeconds(1),
                        Duration.ofDays(1), Duration.ZERO)));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.of(true, false).map(Assign::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.just(new Remove())),
                net.jqwik.api.Tuple.of(2, kinds.map(Hold::new)),
                net.jqwik.api.Tuple.of(2, kinds.map(Release::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(true, false).map(Delete::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.of(true, false)).as(Restore::new)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(true, false).map(Deliver::new)),
                net.jqwik.api.Tuple.of(5, Combinators.combine(durations, Arbitraries.frequency(
                        net.jqwik.api.Tuple.of(4, true), net.jqwik.api.Tuple.of(1, false))).as(Pass::new)));
        return step.list().ofMinSize(1).ofMaxSize(30);
    }
}
