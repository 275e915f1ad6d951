-- pgbench script (run --sql-floor): floor-one.sql's statements for eight unassigns (eight users, one SKU each) in one
-- transaction and the same three round trips, each statement taking the eight at once: what PostgreSQL would spend
-- per unassign if licensing-service committed the unassigns of concurrent requests together. Pairs from
-- bench_floor_pair after :base (floor-one.sql takes those before it).
WITH n AS (SELECT nextval('bench_floor_eight') AS v)
SELECT array_agg(user_id ORDER BY user_id)::text AS us, array_agg(sku_id ORDER BY user_id)::text AS ss
FROM bench_floor_pair, n WHERE i > :base + (v - 1) * 8 AND i <= :base + v * 8 \gset
\startpipeline
BEGIN;
SELECT user_id FROM directory_user WHERE user_id = ANY (:us::uuid[]) ORDER BY user_id FOR UPDATE;
SELECT u.user_id, u.user_principal_name, u.display_name, u.usage_location,
       EXISTS (SELECT 1 FROM inherited_license i WHERE i.user_id = u.user_id)
FROM directory_user u WHERE u.tenant_id = :t AND u.deleted_at IS NULL AND u.user_id = ANY (:us::uuid[])
ORDER BY u.user_id;
SELECT a.user_id, a.sku_id, a.disabled_plans, a.self_service_subscription_id, a.direct,
       (SELECT i.group_id FROM inherited_license i WHERE i.user_id = a.user_id AND i.sku_id = a.sku_id
        AND (i.state <> 'Error' OR i.error = 'DependencyViolation') ORDER BY i.state = 'Error', i.group_id LIMIT 1),
       a.direct_disabled_plans
FROM license_assignment a WHERE a.tenant_id = :t AND a.user_id = ANY (:us::uuid[]) ORDER BY a.user_id, a.sku_id;
\endpipeline
\startpipeline
DELETE FROM license_assignment a USING unnest(:us::uuid[], :ss::uuid[]) AS p (u, s)
WHERE a.user_id = p.u AND a.sku_id = p.s;
INSERT INTO outbox_event (id, topic, event_key, ce_type, ce_source, occurred_at, payload, trace_parent, trace_state)
SELECT gen_random_uuid(), 'licensing.license-events', u::text, 'org.licenselifecycle.licensing.LicenseRemoved.v1',
       '/licensing-service', now(), :ev, NULL, NULL FROM unnest(:us::uuid[]) AS u
UNION ALL
SELECT gen_random_uuid(), 'audit.directory-audits', gen_random_uuid()::text,
       'org.licenselifecycle.audit.DirectoryAuditRecorded.v1', '/licensing-service', now(), :au, NULL, NULL
FROM unnest(:us::uuid[]) AS u;
INSERT INTO seat_release (tenant_id, sku_id, seats) SELECT :t, s, 1 FROM unnest(:ss::uuid[]) AS s;
\endpipeline
COMMIT;
