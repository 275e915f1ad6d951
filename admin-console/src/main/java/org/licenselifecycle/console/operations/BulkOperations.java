package org.licenselifecycle.console.operations;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.licenselifecycle.console.services.ServiceError;

/**
 * Runs bulk operations in the background, one user after another or all users in one all-or-nothing call, and
 * keeps them for an hour so that
 * their page can show progress and each user's result. In this replica's memory: a restart forgets them (and
 * stops one that was running), another replica never knew them. Their ids say what was requested, so that
 * their page can then say so ({@link LostOperations}).
 */
@ApplicationScoped
public class BulkOperations {

    /** What the operation does for one user; returns the result in words, throws ServiceError when refused. */
    @FunctionalInterface
    public interface Action {
        String apply(BulkOperation.Step step);
    }

    /**
     * What an all-or-nothing operation does for all its users in one call; returns each user's result in words by
     * user id, throws ServiceError when the service refused the whole change.
     */
    @FunctionalInterface
    public interface Together {
        Map<String, String> apply(List<BulkOperation.Step> steps);
    }

    /** How long an operation's results are kept after it started. */
    static final Duration KEPT_FOR = Duration.ofHours(1);

    private final Map<String, BulkOperation> operations = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "bulk-operation");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;

    BulkOperations(Clock clock) {
        this.clock = clock;
    }

    /** Starts what {@code request} asks (its time and owner already in it), one step per user. */
    public BulkOperation start(OperationRequest request, String title, List<BulkOperation.Step> steps, Action action) {
        operations.values().removeIf(op -> op.request.startedAt().plus(KEPT_FOR).isBefore(clock.instant()));
        BulkOperation operation = new BulkOperation(request, title, steps);
        operations.put(operation.id, operation);
        workers.submit(() -> operation.steps.forEach(step -> run(step, action)));
        return operation;
    }

    /**
     * Starts what {@code request} asks as one call for all {@code steps}, as the service's bulk calls are all or
     * nothing: every user is changed, or none is and each user's row says why ({@link BulkOperation#refused}).
     */
    public BulkOperation startTogether(OperationRequest request, String title, List<BulkOperation.Step> steps,
            Together action) {
        operations.values().removeIf(op -> op.request.startedAt().plus(KEPT_FOR).isBefore(clock.instant()));
        BulkOperation operation = new BulkOperation(request, title, steps);
        operations.put(operation.id, operation);
        workers.submit(() -> runTogether(operation, action));
        return operation;
    }

    /** The operation, to the admin who started it only. */
    public Optional<BulkOperation> find(String id, String ownerId) {
        return Optional.ofNullable(operations.get(id)).filter(op -> op.request.ownedBy(ownerId));
    }

    private static void run(BulkOperation.Step step, Action action) {
        try {
            step.finish(BulkOperation.Status.DONE, action.apply(step));
        } catch (ServiceError e) {
            step.finish(BulkOperation.Status.FAILED, e.getMessage());
        } catch (ProcessingException e) {
            step.finish(BulkOperation.Status.FAILED, "The service did not answer in time: look at this user's licenses before trying again.");
        } catch (RuntimeException e) {
            step.finish(BulkOperation.Status.FAILED, "Something went wrong on the console; this user may not have been changed.");
        }
    }

    private static void runTogether(BulkOperation operation, Together action) {
        try {
            Map<String, String> results = action.apply(operation.steps);
            operation.steps.forEach(step -> step.finish(BulkOperation.Status.DONE,
                    results.getOrDefault(step.userId, "Done.")));
        } catch (ServiceError e) {
            operation.refused(e.getMessage());
        } catch (ProcessingException e) {
            operation.steps.forEach(step -> step.finish(BulkOperation.Status.FAILED, "The service did not answer in time: "
                    + "look at these users' licenses before trying again (the change is all or nothing)."));
        } catch (RuntimeException e) {
            operation.steps.forEach(step -> step.finish(BulkOperation.Status.FAILED,
                    "Something went wrong on the console; these users may not have been changed."));
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
