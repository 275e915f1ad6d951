package org.licenselifecycle.console.operations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An unassign the console carries out user by user, so that the page can show progress and a result per
 * user while it runs. Read by the page while a worker thread moves it on.
 */
public final class BulkOperation {

    /** Where one user stands. */
    public enum Status { WAITING, DONE, FAILED }

    /** One user of the operation and, once handled, what happened. */
    public static final class Step {
        public final String userId;
        public final String displayName;
        public final String userPrincipalName;
        private volatile Status status = Status.WAITING;
        private volatile String result = "Waiting";

        public Step(String userId, String displayName, String userPrincipalName) {
            this.userId = userId;
            this.displayName = displayName;
            this.userPrincipalName = userPrincipalName;
        }

        public Status status() {
            return status;
        }

        public String result() {
            return result;
        }

        public boolean failed() {
            return status == Status.FAILED;
        }

        void finish(Status status, String result) {
            this.result = result;
            this.status = status;
        }
    }

    public final UUID id;
    public final String ownerId;
    public final String title;
    /** Where "Done" leads. */
    public final String doneLink;
    public final Instant startedAt;
    public final List<Step> steps;

    BulkOperation(UUID id, String ownerId, String title, String doneLink, Instant startedAt, List<Step> steps) {
        this.id = id;
        this.ownerId = ownerId;
        this.title = title;
        this.doneLink = doneLink;
        this.startedAt = startedAt;
        this.steps = List.copyOf(steps);
    }

    public long handled() {
        return steps.stream().filter(s -> s.status() != Status.WAITING).count();
    }

    public long failures() {
        return steps.stream().filter(Step::failed).count();
    }

    public boolean finished() {
        return handled() == steps.size();
    }

    public int total() {
        return steps.size();
    }
}
