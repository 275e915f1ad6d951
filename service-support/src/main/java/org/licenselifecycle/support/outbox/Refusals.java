package org.licenselifecycle.support.outbox;

import java.util.List;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Tells a send the broker (or the producer, on its behalf) refused for good apart from one that may succeed
 * later. Only the first kind counts toward setting an event aside: the record is too large, its topic is
 * invalid or forbidden, the broker rejects the record itself. Everything else is about the broker being away,
 * slow or electing a leader (timeouts, retriable errors), or about the whole connection (authentication,
 * cluster authorization): no event is to blame, so nothing is set aside, and the events wait until it heals,
 * visible in {@code last_error} and the outbox metrics. An outage must never set events aside.
 */
final class Refusals {

    private static final List<Class<? extends Throwable>> FOR_GOOD = List.of(
            RecordTooLargeException.class,
            RecordBatchTooLargeException.class,
            InvalidTopicException.class,
            TopicAuthorizationException.class,
            InvalidRecordException.class,
            SerializationException.class);

    private Refusals() {
    }

    /** Whether {@code failure} (or its cause, however wrapped) is a refusal for good. */
    static boolean forGood(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            Throwable current = t;
            if (FOR_GOOD.stream().anyMatch(type -> type.isInstance(current))) {
                return true;
            }
        }
        return false;
    }

    /** A line for {@code last_error}: the innermost cause's type and message. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 10) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
