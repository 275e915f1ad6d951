-- Where a license came from, kept through a deletion so that a restore gives it back the same way (issue 15,
-- item 3): inherited through its group, or from the user's own self-service purchase; direct otherwise.

-- The products each group gives (or gave) its members (group-based licensing) and the group's name, as the admin
-- center names it when an inherited license cannot be removed from a user directly. 'gives' turns false when the
-- group stops giving the product (the name stays, for the restore that then says so); a restore gives an inherited
-- license back only while it is true.
CREATE TABLE group_product (
    tenant_id    UUID    NOT NULL,
    group_id     UUID    NOT NULL,
    sku_id       UUID    NOT NULL REFERENCES product (sku_id),
    display_name TEXT,
    gives        BOOLEAN NOT NULL DEFAULT TRUE,
    PRIMARY KEY (tenant_id, group_id, sku_id)
);
INSERT INTO group_product (tenant_id, group_id, sku_id)
SELECT DISTINCT tenant_id, assigned_by_group, sku_id FROM license_assignment WHERE assigned_by_group IS NOT NULL;

-- A deleted user's license remembers its origin; rows remembered before this version were all taken as direct.
ALTER TABLE deleted_user_license
    ADD COLUMN assigned_by_group            UUID,
    ADD COLUMN self_service_subscription_id UUID REFERENCES subscription (id),
    ADD CHECK (assigned_by_group IS NULL OR self_service_subscription_id IS NULL);

-- Why a license did not come back, as a code beside the words.
ALTER TABLE restore_failure ADD COLUMN reason_code TEXT;
UPDATE restore_failure SET reason_code = CASE WHEN reason LIKE '%does not correspond to a valid company License.'
    THEN 'PRODUCT_NOT_OWNED' ELSE 'NO_AVAILABLE_LICENSES' END;
ALTER TABLE restore_failure ALTER COLUMN reason_code SET NOT NULL;
