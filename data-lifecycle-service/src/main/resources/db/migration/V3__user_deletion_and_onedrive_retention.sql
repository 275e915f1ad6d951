-- OneDrive of a deleted user: kept for the tenant's OneDrive retention, with access given to the user's
-- manager (or the tenant's secondary owner), then deleted.
ALTER TABLE onedrive ADD COLUMN user_deleted_at TIMESTAMPTZ;
ALTER TABLE onedrive ADD COLUMN delete_after TIMESTAMPTZ;
ALTER TABLE onedrive ADD COLUMN access_granted_to UUID;
ALTER TABLE onedrive ADD COLUMN access_granted_as TEXT;
ALTER TABLE onedrive ADD COLUMN deleted_at TIMESTAMPTZ;
ALTER TABLE onedrive ADD CONSTRAINT onedrive_retained_has_date CHECK (state <> 'RETAINED' OR delete_after IS NOT NULL);
CREATE INDEX onedrive_delete_due ON onedrive (delete_after) WHERE state = 'RETAINED';

-- Per tenant: how long a deleted user's OneDrive is kept (30..3650 days) and who gets it when there is no manager.
CREATE TABLE tenant_onedrive_settings (
    tenant_id          UUID        PRIMARY KEY,
    retention_days     INTEGER     NOT NULL CHECK (retention_days BETWEEN 30 AND 3650),
    secondary_owner_id UUID,
    updated_at         TIMESTAMPTZ NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0
);

-- Users deleted in the directory and not restored, so that a license event arriving after the deletion
-- (licensing's topic is not ordered with directory's) still finds the user deleted.
CREATE TABLE deleted_user (
    user_id    UUID        PRIMARY KEY,
    tenant_id  UUID        NOT NULL,
    deleted_at TIMESTAMPTZ NOT NULL,
    manager_id UUID,
    deleted_by UUID
);
