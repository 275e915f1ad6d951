package org.licenselifecycle.support.inbox;

import java.util.UUID;

/**
 * Why a valid event goes to the delayed-retry topics without being tried: an earlier event of its key is
 * there, and it must not be overtaken (the reason the retry and dead-letter records carry).
 */
public class WaitsBehindEarlierEvent extends RuntimeException {

    WaitsBehindEarlierEvent(UUID eventId, UUID earlier, String key) {
        super("Event " + eventId + " waits behind event " + earlier + " of key " + key + ", which is being retried",
                null, false, false);
    }
}
