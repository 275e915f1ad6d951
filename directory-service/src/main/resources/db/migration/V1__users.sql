-- Users of each tenant's directory, as Entra ID keeps them. The password is kept only as a bcrypt hash.
CREATE TABLE users (
    id                                 UUID        PRIMARY KEY,
    tenant_id                          UUID        NOT NULL,
    user_principal_name                TEXT        NOT NULL,
    display_name                       TEXT        NOT NULL,
    given_name                         TEXT,
    surname                            TEXT,
    mail                               TEXT,
    mail_nickname                      TEXT        NOT NULL,
    usage_location                     TEXT        CHECK (usage_location ~ '^[A-Z]{2}$'),
    account_enabled                    BOOLEAN     NOT NULL,
    job_title                          TEXT,
    department                         TEXT,
    password_hash                      TEXT        NOT NULL,
    force_change_password_next_sign_in BOOLEAN     NOT NULL,
    created_at                         TIMESTAMPTZ NOT NULL
);

-- A userPrincipalName is unique within its tenant whatever its case (Entra ID compares it case-insensitively).
CREATE UNIQUE INDEX users_tenant_upn ON users (tenant_id, lower(user_principal_name));

-- Keyset paging of a tenant's users: WHERE tenant_id = ? AND id > ? ORDER BY id.
CREATE UNIQUE INDEX users_tenant_paging ON users (tenant_id, id);
