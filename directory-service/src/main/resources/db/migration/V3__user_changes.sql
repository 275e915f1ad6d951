-- Accounts mastered in on-premises Active Directory (synchronised): edited and deleted only by the sync.
ALTER TABLE users ADD COLUMN on_premises_sync_enabled BOOLEAN NOT NULL DEFAULT false;

-- A user's manager (Graph's manager reference), a user of the same tenant. The purge clears the
-- reference of the manager's reports (and announces it) before removing the manager; SET NULL is a guard.
ALTER TABLE users ADD COLUMN manager_id UUID REFERENCES users (id) ON DELETE SET NULL;
CREATE INDEX users_manager ON users (manager_id) WHERE manager_id IS NOT NULL;
