package org.licenselifecycle.support.inbox;

import java.util.UUID;

/**
 * Why a valid event goes to the delayed-retry topics after its tries in place: its effect failed. The message
 * (the reason the retry and dead-letter records carry) names the first failure of the chain, since what fails at
 * commit (a {@code RollbackException}) keeps the statement's own error only as a cause or a suppressed exception.
 */
public class EffectFailed extends RuntimeException {

    EffectFailed(String consumer, UUID eventId, Throwable failure) {
        super(consumer + " could not apply event " + eventId + ": " + origin(failure), failure, false, false);
    }

    /** The innermost cause, looking into suppressed exceptions where a throwable has no cause. */
    private static String origin(Throwable failure) {
        Throwable origin = failure;
        for (int depth = 0; depth < 20; depth++) {
            Throwable next = origin.getCause() != null ? origin.getCause()
                    : origin.getSuppressed().length > 0 ? origin.getSuppressed()[0] : null;
            if (next == null || next == origin) {
                break;
            }
            origin = next;
        }
        return origin.getClass().getSimpleName() + ": " + origin.getMessage();
    }
}
