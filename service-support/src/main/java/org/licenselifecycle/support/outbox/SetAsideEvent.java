package org.licenselifecycle.support.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox event the broker refused for good, as an administrator sees it: which event, why it was refused,
 * and how many later events of its key wait behind it. The payload itself is not shown (it may be what is
 * too large); {@code payloadBytes} says how large it is.
 */
public record SetAsideEvent(
        UUID id,
        String type,
        String topic,
        String key,
        Instant occurredAt,
        Instant setAsideAt,
        int rejections,
        String lastError,
        long payloadBytes,
        long eventsWaitingBehind) {
}
