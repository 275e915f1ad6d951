-- A service's own first migration, for SharedMigrationsUpgradeTest (not on Quarkus' Flyway locations).
CREATE TABLE service_thing (
    id   UUID PRIMARY KEY,
    name TEXT NOT NULL
);
