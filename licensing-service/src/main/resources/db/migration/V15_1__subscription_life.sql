-- Subscription life (issue 15 item 1): a subscription that is not renewed goes Expired (Warning), Disabled
-- (Suspended) and Deleted; each column records when it did (null: not yet, or reactivated since).
ALTER TABLE subscription
    ADD COLUMN expired_at  TIMESTAMPTZ,
    ADD COLUMN disabled_at TIMESTAMPTZ,
    ADD COLUMN deleted_at  TIMESTAMPTZ;
-- the subscription-life job looks only at subscriptions whose date has come and that are not deleted
CREATE INDEX subscription_life ON subscription (next_lifecycle_at, id) WHERE status <> 'Deleted';

-- A Disabled subscription's licenses leave the product's total (nobody can be given one) while users still hold
-- them until it is deleted: 'disabled' counts them, so a product may hold more assigned licenses than its total.
ALTER TABLE seat_count
    ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled >= 0),
    DROP CONSTRAINT seat_count_check,
    ADD CONSTRAINT seat_count_held_within_bought CHECK (assigned <= total + disabled);
