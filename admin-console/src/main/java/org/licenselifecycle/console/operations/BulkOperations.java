package org.licenselifecycle.console.operations;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.licenselifecycle.console.services.ServiceError;

/**
 * Runs bulk operations in the background, one user after another, and keeps them for an hour so that
 * their page can show progress and each user's result. In memory: a restart forgets them, as it would a
 * browser tab.
 */
@ApplicationScoped
public class BulkOperations {

    /** What the operation does for one user; returns the result in words, throws ServiceError when refused. */
    @FunctionalInterface
    public interface Action {
        String apply(BulkOperation.Step step);
    }

    private static final Duration KEPT_FOR = Duration.ofHours(1);

    private final Map<UUID, BulkOperation> operations = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "bulk-operation");
        thread.setDaemon(true);
        return thread;
    });
    private final Clock clock;

    BulkOperations(Clock clock) {
        this.clock = clock;
    }

    public BulkOperation start(String ownerId, String title, String doneLink, List<BulkOperation.Step> steps, Action action) {
        operations.values().removeIf(op -> op.startedAt.plus(KEPT_FOR).isBefore(clock.instant()));
        BulkOperation operation = new BulkOperation(UUID.randomUUID(), ownerId, title, doneLink, clock.instant(), steps);
        operations.put(operation.id, operation);
        workers.submit(() -> operation.steps.forEach(step -> run(step, action)));
        return operation;
    }

    /** The operation, to the admin who started it only. */
    public Optional<BulkOperation> find(UUID id, String ownerId) {
        return Optional.ofNullable(operations.get(id)).filter(op -> op.ownerId.equals(ownerId));
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

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
