package org.licenselifecycle.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a tenant's audit log, in the shape of Microsoft Graph's {@code directoryAudit}: who
 * ({@code initiatedBy}) did what ({@code activityDisplayName}) to which objects ({@code targetResources}, with the
 * properties that changed), when. Any service writes it through its outbox in the transaction of the change
 * (service-support's {@code AuditLog}); directory-service keeps it and serves it as
 * {@code /auditLogs/directoryAudits}, under the event id as the entry's id.
 *
 * @param category Entra's audit category, e.g. {@code UserManagement}
 * @param correlationId ties the entries of one request together (a Licenses-page unassign of 20 users: 20 entries)
 * @param result {@code success} or {@code failure}
 * @param resultReason why it failed; null on success
 * @param activityDisplayName Entra's activity name, e.g. {@code Change user license}
 * @param loggedByService e.g. {@code Core Directory}
 * @param operationType e.g. {@code Add}, {@code Update}, {@code Delete}, {@code Assign}
 */
public record DirectoryAuditRecorded(
        UUID tenantId,
        String category,
        UUID correlationId,
        String result,
        String resultReason,
        String activityDisplayName,
        Instant activityDateTime,
        String loggedByService,
        String operationType,
        Initiator initiatedBy,
        List<Target> targetResources,
        List<KeyValue> additionalDetails) {

    public DirectoryAuditRecorded {
        Require.present(tenantId, "tenantId");
        Require.text(category, "category");
        Require.present(correlationId, "correlationId");
        Require.text(result, "result");
        Require.text(activityDisplayName, "activityDisplayName");
        Require.present(activityDateTime, "activityDateTime");
        Require.text(loggedByService, "loggedByService");
        Require.text(operationType, "operationType");
        Require.present(initiatedBy, "initiatedBy");
        targetResources = Require.list(targetResources, "targetResources");
        additionalDetails = Require.list(additionalDetails, "additionalDetails");
    }

    /** Graph's {@code auditActivityInitiator}: a signed-in user, or an application acting as itself; exactly one. */
    public record Initiator(UserIdentity user, AppIdentity app) {

        public Initiator {
            if ((user == null) == (app == null)) {
                throw new IllegalArgumentException("initiatedBy names a user or an app, exactly one");
            }
        }
    }

    /** Graph's {@code userIdentity}: the signed-in user; the names may be null when the token had none. */
    public record UserIdentity(UUID id, String displayName, String userPrincipalName, String ipAddress) {

        public UserIdentity {
            Require.present(id, "initiatedBy.user.id");
        }
    }

    /** Graph's {@code appIdentity}: an application acting as itself, or the system (a scheduled job, an event). */
    public record AppIdentity(String appId, String displayName, String servicePrincipalId) {

        public AppIdentity {
            Require.text(displayName, "initiatedBy.app.displayName");
        }
    }

    /** Graph's {@code targetResource}: an object the activity changed, and how. */
    public record Target(String id, String displayName, String type, String userPrincipalName,
            List<ModifiedProperty> modifiedProperties) {

        public Target {
            Require.text(id, "targetResources.id");
            Require.text(type, "targetResources.type");
            modifiedProperties = Require.list(modifiedProperties, "modifiedProperties");
        }
    }

    /** Graph's {@code modifiedProperty}: values as Entra writes them, JSON text (e.g. {@code ["Adele"]}), or null. */
    public record ModifiedProperty(String displayName, String oldValue, String newValue) {

        public ModifiedProperty {
            Require.text(displayName, "modifiedProperties.displayName");
        }
    }

    /** Graph's {@code keyValue}. */
    public record KeyValue(String key, String value) {

        public KeyValue {
            Require.text(key, "additionalDetails.key");
        }
    }
}
