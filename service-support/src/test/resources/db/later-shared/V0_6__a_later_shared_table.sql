-- A shared migration written after the services' own ones, for SharedMigrationsUpgradeTest.
CREATE TABLE later_shared_thing (
    id UUID PRIMARY KEY
);
