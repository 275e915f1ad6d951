-- Directory synchronization (issue 16): users mastered in on-premises Active Directory, written by the sync agent
-- and keyed by their on-premises anchor (Entra ID's onPremisesImmutableId, Entra Connect's sourceAnchor).
ALTER TABLE users
    ADD COLUMN on_premises_immutable_id        TEXT,
    ADD COLUMN on_premises_last_sync_at        TIMESTAMPTZ,
    ADD COLUMN on_premises_sam_account_name    TEXT,
    ADD COLUMN on_premises_distinguished_name  TEXT,
    ADD COLUMN on_premises_domain_name         TEXT,
    ADD CONSTRAINT users_anchor_synchronised CHECK (on_premises_immutable_id IS NULL OR on_premises_sync_enabled);

-- One object per anchor in a tenant, active or in deleted items: the sync restores a deleted user by its anchor
-- (Entra ID does, inside the deleted-items window); the purge frees the anchor for a new user.
CREATE UNIQUE INDEX users_tenant_anchor ON users (tenant_id, on_premises_immutable_id)
    WHERE on_premises_immutable_id IS NOT NULL;
