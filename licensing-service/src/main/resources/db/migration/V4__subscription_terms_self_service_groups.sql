-- What the admin center shows and enforces per subscription (Your products): how it was bought, whether
-- it is a trial or perpetual software, recurring billing, the next lifecycle date and the window in which
-- it can still be cancelled.
ALTER TABLE subscription
    ADD COLUMN trial                       BOOLEAN NOT NULL DEFAULT FALSE,
    ADD COLUMN bought_by                   TEXT    NOT NULL DEFAULT 'ADMIN'
                                               CHECK (bought_by IN ('ADMIN', 'SELF_SERVICE', 'CSP')),
    ADD COLUMN purchaser_id                UUID,
    ADD COLUMN purchaser_name              TEXT,
    ADD COLUMN taken_over_at               TIMESTAMPTZ,
    ADD COLUMN product_kind                TEXT    NOT NULL DEFAULT 'SUBSCRIPTION'
                                               CHECK (product_kind IN ('SUBSCRIPTION', 'PERPETUAL_SOFTWARE')),
    ADD COLUMN recurring_billing           BOOLEAN NOT NULL DEFAULT TRUE,
    ADD COLUMN next_lifecycle_at           TIMESTAMPTZ,
    ADD COLUMN cancellation_window_ends_at TIMESTAMPTZ,
    ADD COLUMN self_service_assigned       INTEGER NOT NULL DEFAULT 0 CHECK (self_service_assigned >= 0),
    ADD CHECK (bought_by <> 'SELF_SERVICE' OR purchaser_id IS NOT NULL),
    ADD CHECK (self_service_assigned <= licenses);

-- A license given from a self-service purchase (by its purchaser) belongs to that subscription until an
-- admin takes it over; a license inherited from a group membership can only be removed through the group.
ALTER TABLE license_assignment
    ADD COLUMN self_service_subscription_id UUID REFERENCES subscription (id),
    ADD COLUMN assigned_by_group           UUID;
