package org.licenselifecycle.support.outbox;

import java.time.Instant;
import java.util.UUID;

/** A committed outbox row that the broker has not acknowledged yet. */
public record PendingEvent(
        long seq, UUID id, String topic, String key, String ceType, String source, Instant occurredAt, String payload) {
}
