-- Group-based licensing as Entra ID runs it (issue 16, item 2): members come from directory's GroupMembershipChanged,
-- every member inherits each product its groups give, one license per user and product whatever its sources.

-- Groups licensing has heard of (from a membership event, or from directory when a group was first licensed), with
-- the name pages show as "Inherited from <group>".
CREATE TABLE directory_group (
    group_id     UUID PRIMARY KEY,
    tenant_id    UUID NOT NULL,
    display_name TEXT NOT NULL
);
INSERT INTO directory_group (group_id, tenant_id, display_name)
SELECT DISTINCT ON (group_id) group_id, tenant_id, COALESCE(display_name, group_id::text) FROM group_product
ORDER BY group_id, display_name NULLS LAST;

-- Read model of memberships: one row per (group, user), a snapshot the latest event wins (member false: left).
CREATE TABLE group_member (
    group_id   UUID        NOT NULL,
    user_id    UUID        NOT NULL,
    tenant_id  UUID        NOT NULL,
    member     BOOLEAN     NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_member_user ON group_member (user_id) WHERE member;

-- The products a group gives: 'gives' false once removed (kept for a restore that says so); the plans its members get
-- turned off.
ALTER TABLE group_product
    ADD COLUMN disabled_plans UUID[] NOT NULL DEFAULT '{}',
    DROP COLUMN display_name;

-- What each member was meant to inherit from each group, with its state: Active (the user holds the product, this
-- group among its sources) or Error (no license: CountViolation, MutuallyExclusiveViolation, ...).
CREATE TABLE inherited_license (
    user_id    UUID        NOT NULL REFERENCES directory_user (user_id),
    sku_id     UUID        NOT NULL REFERENCES product (sku_id),
    group_id   UUID        NOT NULL,
    tenant_id  UUID        NOT NULL,
    state      TEXT        NOT NULL CHECK (state IN ('Active', 'Error')),
    error      TEXT        NOT NULL DEFAULT 'None',
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, sku_id, group_id),
    CHECK ((state = 'Active') = (error = 'None'))
);
CREATE INDEX inherited_license_group ON inherited_license (group_id, sku_id);

-- One license per user and product, remembering whether it is also (or only) assigned directly; its groups are the
-- Active rows of inherited_license. The recorded inheritances of before become memberships and Active states.
ALTER TABLE license_assignment ADD COLUMN direct BOOLEAN NOT NULL DEFAULT TRUE;
INSERT INTO group_member (group_id, user_id, tenant_id, member, changed_at)
SELECT DISTINCT assigned_by_group, user_id, tenant_id, TRUE, now() FROM license_assignment
WHERE assigned_by_group IS NOT NULL;
INSERT INTO inherited_license (user_id, sku_id, group_id, tenant_id, state, updated_at)
SELECT user_id, sku_id, assigned_by_group, tenant_id, 'Active', assigned_at FROM license_assignment
WHERE assigned_by_group IS NOT NULL;
UPDATE license_assignment SET direct = FALSE WHERE assigned_by_group IS NOT NULL;
ALTER TABLE license_assignment
    DROP COLUMN assigned_by_group,
    ADD CHECK (direct OR self_service_subscription_id IS NULL);
