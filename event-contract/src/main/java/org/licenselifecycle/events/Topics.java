package org.licenselifecycle.events;

/** The Kafka topics of the contract. Keys are always the user's id. */
public final class Topics {

    /** Users as directory-service keeps them: created, updated, deleted, restored, purged. */
    public static final String USER_EVENTS = "directory.user-events";

    /** Licenses assigned to and removed from users, published by licensing-service. */
    public static final String LICENSE_EVENTS = "licensing.license-events";

    /** Suffix of the dead-letter topic a consumer sends an event to when it cannot be processed. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }
}
