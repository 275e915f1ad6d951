-- Product catalog: global (not per tenant), Microsoft's real ids, seeded by V2.
CREATE TABLE product (
    sku_id          UUID PRIMARY KEY,
    sku_part_number TEXT NOT NULL UNIQUE,
    product_name    TEXT NOT NULL
);

-- What a service plan is for matters downstream: an Exchange Online plan means a mailbox (Plan 2 =
-- Enterprise, which keeps an inactive mailbox under hold), SharePoint/OneDrive means a OneDrive,
-- Microsoft 365 Apps means the Office apps are licensed.
CREATE TABLE service_plan (
    service_plan_id     UUID PRIMARY KEY,
    service_plan_name   TEXT NOT NULL UNIQUE,
    friendly_name       TEXT NOT NULL,
    workload            TEXT NOT NULL CHECK (workload IN
                            ('EXCHANGE_ONLINE', 'SHAREPOINT_ONEDRIVE', 'MICROSOFT_365_APPS', 'TEAMS', 'OTHER')),
    exchange_enterprise BOOLEAN NOT NULL DEFAULT FALSE,
    CHECK (NOT exchange_enterprise OR workload = 'EXCHANGE_ONLINE')
);

CREATE TABLE product_service_plan (
    sku_id          UUID NOT NULL REFERENCES product (sku_id),
    service_plan_id UUID NOT NULL REFERENCES service_plan (service_plan_id),
    PRIMARY KEY (sku_id, service_plan_id)
);

-- Read model of directory-service's users, fed by directory.user-events.
CREATE TABLE directory_user (
    user_id             UUID PRIMARY KEY,
    tenant_id           UUID NOT NULL,
    user_principal_name TEXT NOT NULL,
    display_name        TEXT NOT NULL,
    usage_location      TEXT,
    account_enabled     BOOLEAN NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX directory_user_upn ON directory_user (tenant_id, lower(user_principal_name));

-- One row per subscription a tenant bought ("Your products" shows these rows).
CREATE TABLE subscription (
    id         UUID PRIMARY KEY,
    tenant_id  UUID        NOT NULL,
    sku_id     UUID        NOT NULL REFERENCES product (sku_id),
    licenses   INTEGER     NOT NULL CHECK (licenses > 0),
    status     TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX subscription_tenant ON subscription (tenant_id, sku_id);

-- Seats per tenant and product, kept in the same transactions as subscriptions and assignments so that
-- the Licenses page never counts assignments, and taking a seat is one conditional UPDATE.
CREATE TABLE seat_count (
    tenant_id UUID    NOT NULL,
    sku_id    UUID    NOT NULL REFERENCES product (sku_id),
    total     INTEGER NOT NULL CHECK (total >= 0),
    assigned  INTEGER NOT NULL DEFAULT 0 CHECK (assigned >= 0),
    PRIMARY KEY (tenant_id, sku_id),
    CHECK (assigned <= total)
);

-- A product license held by a user, with the service plans the admin turned off.
CREATE TABLE license_assignment (
    user_id        UUID        NOT NULL REFERENCES directory_user (user_id),
    sku_id         UUID        NOT NULL REFERENCES product (sku_id),
    tenant_id      UUID        NOT NULL,
    disabled_plans UUID[]      NOT NULL DEFAULT '{}',
    assigned_at    TIMESTAMPTZ NOT NULL,
    assigned_by    UUID,
    PRIMARY KEY (user_id, sku_id)
);
CREATE INDEX license_assignment_product ON license_assignment (tenant_id, sku_id);
