-- directory.user-events arrive in order per user but in any order across users, and a delayed retry may
-- bring one user's older event after a newer one. Per user, the read model keeps the time (ce_time) of the
-- latest event applied to the principal name and the deletion (changed_at), and of the latest details
-- (details_changed_at: display name, usage location, account enabled; null while only placeholders are
-- known), so that an older event changes nothing (UserLifecycle). A purged user stays as a row with
-- purged_at, so that no late event brings them back.
ALTER TABLE directory_user ADD COLUMN changed_at TIMESTAMPTZ;
ALTER TABLE directory_user ADD COLUMN details_changed_at TIMESTAMPTZ;
ALTER TABLE directory_user ADD COLUMN purged_at TIMESTAMPTZ;
UPDATE directory_user SET changed_at = coalesce(deleted_at, created_at), details_changed_at = created_at;
ALTER TABLE directory_user ALTER COLUMN changed_at SET NOT NULL;

-- A name freed by a deletion or a rename and taken by another user may reach licensing before the event
-- that freed it: for that moment two active users claim it, and lookups take the one heard of most recently
-- (DirectoryUser.selectActive). So the name is no longer unique here; the index serves that lookup.
DROP INDEX directory_user_upn;
CREATE INDEX directory_user_upn ON directory_user (tenant_id, lower(user_principal_name), changed_at DESC)
    WHERE deleted_at IS NULL;
