-- Events of one user arrive in order, except that a delayed retry may bring one after newer ones of the same
-- user: keep, per user heard of (active ones too), the time of the latest directory event applied, so that an
-- older one changes nothing (UserLifecycle). deleted_user becomes that read model; deleted_at is null while
-- the user is active.
ALTER TABLE deleted_user RENAME TO directory_user;
ALTER TABLE directory_user RENAME CONSTRAINT deleted_user_pkey TO directory_user_pkey;
ALTER TABLE directory_user ALTER COLUMN deleted_at DROP NOT NULL;
ALTER TABLE directory_user ADD COLUMN changed_at TIMESTAMPTZ;
UPDATE directory_user SET changed_at = deleted_at;
ALTER TABLE directory_user ALTER COLUMN changed_at SET NOT NULL;
