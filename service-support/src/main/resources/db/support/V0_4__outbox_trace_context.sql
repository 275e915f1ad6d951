-- The W3C trace context (traceparent, tracestate) of the span that wrote the event, so that the relay publishes it
-- in the trace of the admin's request and the consumers apply it there (outbox.TraceContext). Null for rows written
-- outside any trace and for rows written before this migration: those are published in a trace of their own.
ALTER TABLE outbox_event
    ADD COLUMN trace_parent TEXT,
    ADD COLUMN trace_state  TEXT;
