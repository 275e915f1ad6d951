-- The event id (ce_id) is a random UUID that Outbox.add draws for each row, so no two rows share one; nothing reads
-- the table by it through an index (SetAsideEvents compares it as text, among the few set-aside rows). Its unique
-- index cost every write a b-tree insert at a random leaf, and every mark of a row sent another (the relay's UPDATE is
-- not a HOT one): in licensing's bench the outbox's statements were 57% of PostgreSQL's statement time per unassign.
ALTER TABLE outbox_event DROP CONSTRAINT IF EXISTS outbox_event_id_key;
