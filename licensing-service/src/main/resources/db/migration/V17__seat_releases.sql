-- Seats given back, not yet folded into their product's seat_count row. Every unassign of a product in a tenant
-- gave its seat back by updating that one row, so the product's unassigns queued for its lock, each held from the
-- UPDATE to the COMMIT (issue 17: 169-276 ms of waiting per unassign at 200/s). A release now inserts a row here
-- instead, which nothing waits on. Only releases come here, so a seat counted as assigned until its release is
-- folded can only make a take refuse, never oversell; every change of a seat_count row folds its product's releases
-- first (under the row's lock), and a job folds the rest every second (Seats, SeatReleaseFolding).
CREATE TABLE seat_release (
    tenant_id  UUID    NOT NULL,
    sku_id     UUID    NOT NULL,
    release_id BIGINT  GENERATED ALWAYS AS IDENTITY,
    seats      INTEGER NOT NULL CHECK (seats > 0),
    PRIMARY KEY (tenant_id, sku_id, release_id)
-- rows come and go every second: vacuumed after a thousand dead ones, not after a fifth of the table, so that the
-- index the folds and readers scan does not fill with them
) WITH (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 1000);

-- The seats as a reader sees them: assigned less the releases not yet folded.
CREATE VIEW seat_use AS
SELECT s.tenant_id, s.sku_id, s.total, s.disabled,
       (s.assigned - coalesce((SELECT sum(r.seats) FROM seat_release r
                               WHERE r.tenant_id = s.tenant_id AND r.sku_id = s.sku_id), 0))::integer AS assigned
FROM seat_count s;
