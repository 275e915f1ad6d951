package org.licenselifecycle.events;

import java.time.Duration;

/**
 * The Kafka topics of the contract, and how a consumer's retry and dead-letter topics are named. Keys are the user's
 * id; for GroupLicensesChanged, the group's; on {@link #AUDIT_EVENTS}, one of each entry's own (entries are
 * independent).
 */
public final class Topics {

    /** Users as directory-service keeps them: created, updated, deleted, restored, purged; their group memberships. */
    public static final String USER_EVENTS = "directory.user-events";

    /**
     * Licenses assigned to and removed from users, users' license assignment states, groups' licenses; published by
     * licensing-service.
     */
    public static final String LICENSE_EVENTS = "licensing.license-events";

    /** Entries of the tenants' audit logs, published by every service, kept by directory-service. */
    public static final String AUDIT_EVENTS = "audit.directory-audits";

    /** Suffix of the dead-letter topic a consumer sends an event to when it cannot be processed. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    /**
     * Between a delayed-retry topic's name and its delay in milliseconds: SmallRye's connector reads the
     * delay from what follows the last {@code _}.
     */
    public static final String RETRY_INFIX = ".retry_";

    private Topics() {
    }

    /** Where {@code consumer} (a service's name) sends the events of {@code source} it cannot process. */
    public static String deadLetterTopic(String source, String consumer) {
        return source + "." + consumer + DEAD_LETTER_SUFFIX;
    }

    /** Where {@code consumer} puts an event of {@code source} whose effect failed, to try it again after {@code delay}. */
    public static String retryTopic(String source, String consumer, Duration delay) {
        return source + "." + consumer + RETRY_INFIX + delay.toMillis();
    }

    /** The topic whose events went to {@code deadLetterTopic} ({@code <source>.<consumer>.dlq}). */
    public static String sourceOfDeadLetters(String deadLetterTopic) {
        if (!deadLetterTopic.endsWith(DEAD_LETTER_SUFFIX)) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic (<source>.<consumer>" + DEAD_LETTER_SUFFIX + ")");
        }
        String sourceAndConsumer = deadLetterTopic.substring(0, deadLetterTopic.length() - DEAD_LETTER_SUFFIX.length());
        int dot = sourceAndConsumer.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic (<source>.<consumer>" + DEAD_LETTER_SUFFIX + ")");
        }
        return sourceAndConsumer.substring(0, dot);
    }
}
