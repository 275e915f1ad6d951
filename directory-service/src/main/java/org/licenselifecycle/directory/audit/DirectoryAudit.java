package org.licenselifecycle.directory.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.licenselifecycle.events.DirectoryAuditRecorded;
import org.licenselifecycle.events.EventJson;

/** One entry of a tenant's audit log, as kept: the recorded event under its id, with the columns lists filter on. */
@Entity
@Table(name = "directory_audit")
public class DirectoryAudit {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "activity_date_time", nullable = false, updatable = false)
    public Instant activityDateTime;

    @Column(name = "activity_display_name", nullable = false, updatable = false)
    public String activityDisplayName;

    @Column(name = "correlation_id", nullable = false, updatable = false)
    public UUID correlationId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public String entry;

    /** The entry as recorded. */
    public DirectoryAuditRecorded recorded() {
        return EventJson.read(entry, DirectoryAuditRecorded.class);
    }
}
