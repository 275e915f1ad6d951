-- A deleted user (soft delete in directory-service) leaves Active users but can come back with the same
-- id: their licenses are freed at once and remembered, so a restore can give back what seats allow.
ALTER TABLE directory_user ADD COLUMN deleted_at TIMESTAMPTZ;

-- The licenses a deleted user held when they were deleted.
CREATE TABLE deleted_user_license (
    user_id        UUID        NOT NULL REFERENCES directory_user (user_id),
    sku_id         UUID        NOT NULL REFERENCES product (sku_id),
    tenant_id      UUID        NOT NULL,
    disabled_plans UUID[]      NOT NULL DEFAULT '{}',
    assigned_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, sku_id)
);

-- What a restore could not give back (no seat left, product no longer owned), readable by admins.
CREATE TABLE restore_failure (
    user_id     UUID        NOT NULL REFERENCES directory_user (user_id),
    sku_id      UUID        NOT NULL REFERENCES product (sku_id),
    tenant_id   UUID        NOT NULL,
    reason      TEXT        NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, sku_id)
);

-- A deleted user's principal name may be taken by a new user (directory-service decides); only active
-- users need to be unique by it.
DROP INDEX directory_user_upn;
CREATE UNIQUE INDEX directory_user_upn ON directory_user (tenant_id, lower(user_principal_name)) WHERE deleted_at IS NULL;
