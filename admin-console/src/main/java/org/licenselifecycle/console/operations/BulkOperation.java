package org.licenselifecycle.console.operations;

import java.util.List;

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

    /** The request, written down ({@link OperationRequest#id()}): its page's URL says what was asked. */
    public final String id;
    public final OperationRequest request;
    public final String title;
    /** Where "Done" leads. */
    public final String doneLink;
    public final List<Step> steps;

    BulkOperation(OperationRequest request, String title, List<Step> steps) {
        this.id = request.id();
        this.request = request;
        this.title = title;
        this.doneLink = request.doneLink();
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
