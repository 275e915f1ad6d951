package org.licenselifecycle.support.audit;

import java.util.UUID;
import org.licenselifecycle.events.DirectoryAuditRecorded.Initiator;

/**
 * Who started a change, and the correlation id every audit entry of that change shares.
 *
 * @param initiator the signed-in user or the application (Graph's {@code initiatedBy})
 * @param correlationId the same for every entry one request (or one event, one scheduled run) leads to
 */
public record Initiated(Initiator initiator, UUID correlationId) {
}
