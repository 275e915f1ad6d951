-- Registered tenants: the default domain (<name>.onmicrosoft.com, or .partner.onmschina.cn operated by
-- 21Vianet) and the cloud instance, which decides the admin-center links. A default domain belongs to one tenant.
CREATE TABLE tenants (
    id             UUID        PRIMARY KEY,
    display_name   TEXT        NOT NULL,
    default_domain TEXT        NOT NULL,
    cloud_instance TEXT        NOT NULL CHECK (cloud_instance IN ('worldwide', '21Vianet')),
    created_by     UUID        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);

CREATE UNIQUE INDEX tenants_default_domain ON tenants (lower(default_domain));
