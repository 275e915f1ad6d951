package org.licenselifecycle.directory.graph;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.directory.audit.DirectoryAudit;
import org.licenselifecycle.events.DirectoryAuditRecorded;
import org.licenselifecycle.events.DirectoryAuditRecorded.Initiator;
import org.licenselifecycle.events.DirectoryAuditRecorded.KeyValue;
import org.licenselifecycle.events.DirectoryAuditRecorded.Target;

/**
 * Graph's {@code directoryAudit} as this service renders it: the recorded entry under its id. The nested shapes
 * (initiatedBy's {@code user}/{@code app}, targetResources, modifiedProperties, additionalDetails) are the event's,
 * which carry Graph's names.
 */
@JsonPropertyOrder({"id", "category", "correlationId", "result", "resultReason", "activityDisplayName",
        "activityDateTime", "loggedByService", "operationType", "initiatedBy", "targetResources", "additionalDetails"})
public record DirectoryAuditJson(String id, String category, UUID correlationId, String result, String resultReason,
        String activityDisplayName, Instant activityDateTime, String loggedByService, String operationType,
        Initiator initiatedBy, List<Target> targetResources, List<KeyValue> additionalDetails) {

    static DirectoryAuditJson of(DirectoryAudit row) {
        DirectoryAuditRecorded entry = row.recorded();
        return new DirectoryAuditJson(row.id.toString(), entry.category(), entry.correlationId(), entry.result(),
                entry.resultReason(), entry.activityDisplayName(), entry.activityDateTime(), entry.loggedByService(),
                entry.operationType(), entry.initiatedBy(), entry.targetResources(), entry.additionalDetails());
    }

    static String collectionContext(String baseUri) {
        return (baseUri.endsWith("/") ? baseUri : baseUri + "/") + "v1.0/$metadata#auditLogs/directoryAudits";
    }
}
