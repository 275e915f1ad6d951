-- Soft delete: a deleted user leaves Active users and sits in deleted items until purge_after, when the
-- purge removes the row for good. A restore clears the three columns and keeps the id.
ALTER TABLE users
    ADD COLUMN deleted_at  TIMESTAMPTZ,
    ADD COLUMN deleted_by  UUID,
    ADD COLUMN purge_after TIMESTAMPTZ,
    ADD CONSTRAINT users_deleted_consistent CHECK ((deleted_at IS NULL) = (purge_after IS NULL));

-- Entra ID frees a deleted user's userPrincipalName for a new user; restoring the old one then fails
-- while the name is taken. So the name is unique among users that are not deleted (same index name,
-- the service recognises it).
DROP INDEX users_tenant_upn;
CREATE UNIQUE INDEX users_tenant_upn ON users (tenant_id, lower(user_principal_name)) WHERE deleted_at IS NULL;

-- The purge claims rows due by purge_after.
CREATE INDEX users_purge_due ON users (purge_after) WHERE deleted_at IS NOT NULL;
