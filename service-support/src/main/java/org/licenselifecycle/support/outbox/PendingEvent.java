package org.licenselifecycle.support.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A committed outbox row that the broker has not acknowledged yet.
 *
 * @param trace the trace of the request that wrote it, to publish it in
 */
public record PendingEvent(long seq, UUID id, String topic, String key, String ceType, String source, Instant occurredAt,
        String payload, TraceContext trace) {
}
