-- An outbox row the broker refuses for good (too large, a forbidden or invalid topic) is set aside after
-- outbox.relay.set-aside-after refusals, so that it stops holding up the events of other keys. Later rows of
-- its key (topic and event_key) wait behind it until an administrator retries or discards it.
ALTER TABLE outbox_event
    ADD COLUMN rejections     INT NOT NULL DEFAULT 0,  -- sends refused for good, since it was written or last retried
    ADD COLUMN last_error     TEXT,                    -- the latest failed send's error, refusal or not
    ADD COLUMN last_failed_at TIMESTAMPTZ,
    ADD COLUMN set_aside_at   TIMESTAMPTZ,
    ADD COLUMN discarded_at   TIMESTAMPTZ,             -- an administrator gave the event up: never published
    ADD COLUMN discarded_by   UUID;

-- The relay's queue: rows neither sent nor set aside, in write order.
DROP INDEX outbox_event_unsent;
CREATE INDEX outbox_event_waiting ON outbox_event (seq) WHERE sent_at IS NULL AND set_aside_at IS NULL;
-- Rows set aside and not discarded: few or none. The relay holds back later rows of their keys through it.
CREATE INDEX outbox_event_set_aside ON outbox_event (topic, event_key, seq)
    WHERE set_aside_at IS NOT NULL AND discarded_at IS NULL;
CREATE INDEX outbox_event_discarded_at ON outbox_event (discarded_at) WHERE discarded_at IS NOT NULL;
