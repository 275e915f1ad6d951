-- A user's Exchange Online mailbox as this service keeps it, fed by licensing.license-events.
CREATE TABLE mailbox (
    user_id             UUID        PRIMARY KEY,
    tenant_id           UUID        NOT NULL,
    user_principal_name TEXT        NOT NULL,
    state               TEXT        NOT NULL,
    searchable          BOOLEAN     NOT NULL,
    exchange_plan       TEXT        NOT NULL,
    provisioned_at      TIMESTAMPTZ NOT NULL,
    reconnected_at      TIMESTAMPTZ,
    removed_at          TIMESTAMPTZ,
    removed_by          UUID,
    purge_after         TIMESTAMPTZ,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL DEFAULT 0,
    -- a disconnected mailbox always has a date when its grace period ends
    CONSTRAINT mailbox_disconnected_has_purge_date CHECK (state <> 'DISCONNECTED' OR purge_after IS NOT NULL)
);
CREATE INDEX mailbox_tenant ON mailbox (tenant_id);
-- the purge job (later) looks for disconnected mailboxes whose grace period is over
CREATE INDEX mailbox_purge_due ON mailbox (purge_after) WHERE purge_after IS NOT NULL;

-- A user's OneDrive for Business. A license removal never touches it.
CREATE TABLE onedrive (
    user_id             UUID        PRIMARY KEY,
    tenant_id           UUID        NOT NULL,
    user_principal_name TEXT        NOT NULL,
    state               TEXT        NOT NULL,
    url                 TEXT        NOT NULL,
    provisioned_at      TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    version             BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX onedrive_tenant ON onedrive (tenant_id);
