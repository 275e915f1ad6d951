-- InboxCleanup deletes processed_event rows older than the retention, oldest first, in batches.
CREATE INDEX processed_event_processed_at ON processed_event (processed_at);

-- Events a consumer handed to its delayed-retry topics, and every later event of the same key that came while
-- one was there: an event applies only when it is the first of its key here, so a retried event is never
-- overtaken by a later one of its key. A row leaves when its event is applied.
CREATE TABLE retry_queue (
    seq        BIGSERIAL   PRIMARY KEY,
    consumer   TEXT        NOT NULL,
    event_key  TEXT        NOT NULL,
    event_id   UUID        NOT NULL,
    queued_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (consumer, event_id)
);
CREATE INDEX retry_queue_key ON retry_queue (consumer, event_key, seq);
CREATE INDEX retry_queue_queued_at ON retry_queue (queued_at);
