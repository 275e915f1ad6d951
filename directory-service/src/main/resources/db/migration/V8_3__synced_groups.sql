-- Directory synchronization of groups (issue 16): security groups mastered in on-premises Active Directory, written
-- by the sync agent and keyed by the group's on-premises anchor, as users are (V8_2). Groups are never soft-matched
-- by name: a cloud group of the same name stays another group.
ALTER TABLE groups
    ADD COLUMN on_premises_immutable_id TEXT,
    ADD COLUMN on_premises_last_sync_at TIMESTAMPTZ,
    ADD CONSTRAINT groups_anchor_synchronised CHECK (on_premises_immutable_id IS NULL OR on_premises_sync_enabled);

-- One group per anchor in a tenant (a security group's deletion is for good, so the anchor is then free again).
CREATE UNIQUE INDEX groups_tenant_anchor ON groups (tenant_id, on_premises_immutable_id)
    WHERE on_premises_immutable_id IS NOT NULL;
