-- The mailbox keeps the facts its state is derived from: whether an Exchange license is held, when the
-- last hold was released, when the user was deleted, when the content was purged.
ALTER TABLE mailbox ADD COLUMN licensed BOOLEAN NOT NULL DEFAULT TRUE;
UPDATE mailbox SET licensed = (state = 'ACTIVE');
ALTER TABLE mailbox ADD COLUMN held_until TIMESTAMPTZ;
ALTER TABLE mailbox ADD COLUMN user_deleted_at TIMESTAMPTZ;
ALTER TABLE mailbox ADD COLUMN purged_at TIMESTAMPTZ;
-- a held or inactive mailbox has no purge date while held, so the old rule no longer holds as written
ALTER TABLE mailbox DROP CONSTRAINT mailbox_disconnected_has_purge_date;
ALTER TABLE mailbox ADD CONSTRAINT mailbox_purged_has_nothing_due CHECK (state <> 'PURGED' OR purge_after IS NULL);

-- Holds in force on a mailbox (litigation hold, eDiscovery hold, retention policy). A held mailbox is never purged.
CREATE TABLE mailbox_hold (
    user_id UUID NOT NULL REFERENCES mailbox (user_id),
    kind    TEXT NOT NULL,
    PRIMARY KEY (user_id, kind)
);

-- Mailbox content, standing in for mail delivery. Items under a retention label survive the purge
-- (retained_at set) and stay discoverable.
CREATE TABLE mailbox_item (
    id              UUID        PRIMARY KEY,
    user_id         UUID        NOT NULL REFERENCES mailbox (user_id),
    tenant_id       UUID        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL,
    retention_label TEXT,
    retained_at     TIMESTAMPTZ
);
CREATE INDEX mailbox_item_user ON mailbox_item (user_id);
CREATE INDEX mailbox_item_tenant ON mailbox_item (tenant_id);

-- What each run of the purge job did.
CREATE TABLE purge_run (
    id               BIGSERIAL   PRIMARY KEY,
    started_at       TIMESTAMPTZ NOT NULL,
    finished_at      TIMESTAMPTZ NOT NULL,
    mailboxes_purged INTEGER     NOT NULL,
    items_deleted    BIGINT      NOT NULL,
    items_retained   BIGINT      NOT NULL
);
CREATE INDEX purge_run_started ON purge_run (started_at DESC);

-- Per user, what happened to their data and when.
CREATE TABLE timeline_entry (
    id        BIGSERIAL   PRIMARY KEY,
    tenant_id UUID        NOT NULL,
    user_id   UUID        NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    event     TEXT        NOT NULL,
    actor     UUID,
    detail    TEXT        NOT NULL
);
CREATE INDEX timeline_entry_user ON timeline_entry (user_id, at, id);
