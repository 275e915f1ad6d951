package org.licenselifecycle.support.inbox;

import java.util.Optional;

/**
 * What became of one delivery of a record, and so what the connector must do with it.
 *
 * @param reason why it was not applied, for the retry or dead-letter topic's headers (empty when applied or skipped)
 */
public record Delivery(Outcome outcome, Optional<RuntimeException> reason) {

    public enum Outcome {
        /** The effect committed with the event id: acknowledge. */
        APPLIED,
        /** Already applied, or of a type this release does not know: acknowledge. */
        SKIPPED,
        /** Its effect failed, or an earlier event of its key waits: to the delayed-retry topics (or, when they are used up, the dead-letter topic). */
        RETRY_LATER,
        /** It cannot be read, and never will be: to the dead-letter topic at once. */
        DEAD_LETTER,
        /** The thread was interrupted (the service stops): neither acknowledged nor retried, so it is delivered again after a restart. */
        LEFT_FOR_REDELIVERY
    }

    static Delivery applied() {
        return new Delivery(Outcome.APPLIED, Optional.empty());
    }

    static Delivery skipped() {
        return new Delivery(Outcome.SKIPPED, Optional.empty());
    }

    static Delivery retryLater(RuntimeException reason) {
        return new Delivery(Outcome.RETRY_LATER, Optional.of(reason));
    }

    static Delivery deadLetter(RuntimeException reason) {
        return new Delivery(Outcome.DEAD_LETTER, Optional.of(reason));
    }

    static Delivery leftForRedelivery() {
        return new Delivery(Outcome.LEFT_FOR_REDELIVERY, Optional.empty());
    }
}
