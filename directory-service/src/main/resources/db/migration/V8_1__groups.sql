-- Security groups (Graph's microsoft.graph.group with securityEnabled true, mailEnabled false) of a tenant's
-- directory. on_premises_sync_enabled: mastered in on-premises Active Directory (set by directory synchronization;
-- Graph shows null for a cloud group). A security group's DELETE removes it for good, as Entra ID does.
CREATE TABLE groups (
    id                       UUID        PRIMARY KEY,
    tenant_id                UUID        NOT NULL,
    display_name             TEXT        NOT NULL,
    description              TEXT,
    mail_nickname            TEXT        NOT NULL,
    on_premises_sync_enabled BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at               TIMESTAMPTZ NOT NULL,
    -- the time (ce_time) of the latest GroupLicensesChanged applied to group_license: an older one changes nothing
    licenses_changed_at      TIMESTAMPTZ
);

-- GET /groups pages by id inside a tenant.
CREATE INDEX groups_tenant ON groups (tenant_id, id);

-- Who is a member of which group. A soft-deleted user's memberships stay (Entra ID restores them with the user)
-- and are not listed; the user's purge ends them with the user's row.
CREATE TABLE group_member (
    group_id  UUID        NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    user_id   UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    tenant_id UUID        NOT NULL,
    added_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (group_id, user_id)
);

-- GET /users/{id}/memberOf
CREATE INDEX group_member_user ON group_member (user_id);

-- The products a group gives its members (Graph's group assignedLicenses): a read model of licensing's
-- GroupLicensesChanged, the whole list overwritten by each newer event.
CREATE TABLE group_license (
    group_id       UUID   NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    sku_id         UUID   NOT NULL,
    disabled_plans UUID[] NOT NULL,
    PRIMARY KEY (group_id, sku_id)
);

-- A user's license assignment states (Graph's licenseAssignmentStates) as licensing's latest
-- LicenseAssignmentStatesChanged (latest, the event as received) states them; changed_at its time (ce_time): an older event
-- changes nothing. A user with no row: each held license of user_license is one direct, Active state.
CREATE TABLE user_license_states (
    user_id    UUID        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    tenant_id  UUID        NOT NULL,
    latest     JSONB       NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
