-- The directory's record of who holds which admin role (Entra ID's role template ids), tenant-wide
-- ('/'). Tokens' wids come from the identity provider; this list is what the directory keeps and shows.
CREATE TABLE role_assignments (
    id                 UUID        PRIMARY KEY,
    tenant_id          UUID        NOT NULL,
    principal_id       UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_definition_id UUID        NOT NULL,
    directory_scope_id TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    CONSTRAINT role_assignments_once UNIQUE (tenant_id, principal_id, role_definition_id, directory_scope_id)
);

CREATE INDEX role_assignments_principal ON role_assignments (principal_id);
