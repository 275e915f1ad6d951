-- What the directory knows of its users' licenses, for Graph's assignedLicenses, assignedPlans and
-- licenseAssignmentStates and for $filter=assignedLicenses/...: a read model of licensing.license-events
-- (licensing owns the licenses). One row per user and product ever heard of: held, or removed (kept so that a
-- late, older event cannot bring a removed license back, and for assignedPlans' Deleted plans). changed_at is
-- the time (ce_time) of the latest event applied to the row; an older one changes nothing.
-- plan_ids/plan_services: the product's plans enabled for the user while held, the plans removed once removed.
CREATE TABLE user_license (
    user_id           UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sku_id            UUID        NOT NULL,
    tenant_id         UUID        NOT NULL,
    held              BOOLEAN     NOT NULL,
    disabled_plans    UUID[]      NOT NULL,
    assigned_by_group UUID,
    plan_ids          UUID[]      NOT NULL,
    plan_services     TEXT[]      NOT NULL,
    changed_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, sku_id),
    CONSTRAINT user_license_plans CHECK (cardinality(plan_ids) = cardinality(plan_services))
);

-- $filter=assignedLicenses/any(x:x/skuId eq ...): the holders of a product in a tenant.
CREATE INDEX user_license_holders ON user_license (tenant_id, sku_id) WHERE held;

-- $search="displayName:..." as Entra ID runs it: not "contains", but words matched by prefix, in any order,
-- whatever their case. The words of a text: split at spaces and symbols, where lower case turns to upper case
-- (HelloWorld: hello, world; HELLOworld stays one word) and between digits and the rest (hello123world:
-- hello, 123, world), in lower case.
CREATE FUNCTION search_words(TEXT) RETURNS TEXT[]
    LANGUAGE SQL IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY(
        SELECT DISTINCT word
        FROM unnest(regexp_split_to_array(lower(
                 regexp_replace(regexp_replace(regexp_replace($1,
                     '([a-z])([A-Z])', '\1 \2', 'g'),
                     '([^0-9])([0-9])', '\1 \2', 'g'),
                     '([0-9])([^0-9])', '\1 \2', 'g')),
                 '[[:space:][:punct:]]+')) AS word
        WHERE word <> '')
$$;

-- A display name's words, plus each of its words joined across the symbols inside it (hello.world and
-- hello-world also give helloworld), so that a search for helloworld finds them as Entra ID does.
CREATE FUNCTION display_name_words(TEXT) RETURNS TEXT[]
    LANGUAGE SQL IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT ARRAY(
        SELECT word FROM unnest(search_words($1)) AS word
        UNION
        SELECT joined FROM (
            SELECT lower(regexp_replace(part, '[[:punct:]]+', '', 'g')) AS joined
            FROM unnest(regexp_split_to_array($1, '[[:space:]]+')) AS part) parts
        WHERE joined <> '')
$$;

ALTER TABLE users ADD COLUMN display_name_words TEXT[] GENERATED ALWAYS AS (display_name_words(display_name)) STORED;

-- $orderby=displayName and $orderby=userPrincipalName, paged by (key, id) after the last row of a page.
CREATE INDEX users_tenant_display_name ON users (tenant_id, lower(display_name), id) WHERE deleted_at IS NULL;
CREATE INDEX users_tenant_upn_order ON users (tenant_id, lower(user_principal_name), id) WHERE deleted_at IS NULL;
