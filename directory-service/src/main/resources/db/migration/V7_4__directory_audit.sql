-- The tenants' audit logs (Graph's /auditLogs/directoryAudits), kept from audit.directory-audits: every service
-- records its changes there through its outbox (service-support's AuditLog). id is the event's id (ce_id), so a
-- redelivered entry is the same row. entry is the event's data (DirectoryAuditRecorded) as kept: initiatedBy and
-- the users it names completed with the names the directory knew when it kept it.
CREATE TABLE directory_audit (
    id                    UUID        PRIMARY KEY,
    tenant_id             UUID        NOT NULL,
    activity_date_time    TIMESTAMPTZ NOT NULL,
    activity_display_name TEXT        NOT NULL,
    correlation_id        UUID        NOT NULL,
    entry                 JSONB       NOT NULL
);

-- Newest first, paged by (time, id) after the last row of a page; $filter by date narrows the same range.
CREATE INDEX directory_audit_tenant_time ON directory_audit (tenant_id, activity_date_time DESC, id DESC);
