package org.licenselifecycle.console.operations;

import java.util.List;
import java.util.Locale;

/**
 * A change of several users' licenses the console carries out, user by user or in one all-or-nothing call, so that
 * the page can show progress and a result per user. Read by the page while a worker thread moves it on.
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

    /**
     * The service refused an all-or-nothing change: nobody was changed. The user the refusal names (by id or user
     * principal name) reads it as is; every other user reads it after the reason they were not changed either.
     */
    void refused(String why) {
        String lower = why == null ? "" : why.toLowerCase(Locale.ROOT);
        for (Step step : steps) {
            boolean named = lower.contains(step.userId.toLowerCase(Locale.ROOT))
                    || (step.userPrincipalName != null && lower.contains(step.userPrincipalName.toLowerCase(Locale.ROOT)));
            step.finish(Status.FAILED, named ? why
                    : "The change is all or nothing, and it was refused: " + why);
        }
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
