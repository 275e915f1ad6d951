-- pgbench script (run --sql-floor): one unassign's statements, as licensing-service sends them for a user without
-- groups (pg_stat_statements of the unassign alone), one unassign per transaction, in the same three round trips: the
-- lock and the reads, the writes, the commit. A fourth, first, picks the next (user, SKU) pair of bench_floor_pair.
-- Variables: t (the tenant), ev and au (a LicenseRemoved and an audit entry's payloads, copied from the outbox).
SELECT p.user_id AS u, p.sku_id AS s FROM bench_floor_pair p WHERE p.i = (SELECT nextval('bench_floor_one')) \gset
\startpipeline
BEGIN;
SELECT user_id FROM directory_user WHERE user_id = :u ORDER BY user_id FOR UPDATE;
SELECT u.user_id, u.user_principal_name, u.display_name, u.usage_location,
       EXISTS (SELECT 1 FROM inherited_license i WHERE i.user_id = u.user_id)
FROM directory_user u WHERE u.tenant_id = :t AND u.deleted_at IS NULL AND u.user_id = :u ORDER BY u.user_id;
SELECT a.user_id, a.sku_id, a.disabled_plans, a.self_service_subscription_id, a.direct,
       (SELECT i.group_id FROM inherited_license i WHERE i.user_id = a.user_id AND i.sku_id = a.sku_id
        AND (i.state <> 'Error' OR i.error = 'DependencyViolation') ORDER BY i.state = 'Error', i.group_id LIMIT 1),
       a.direct_disabled_plans
FROM license_assignment a WHERE a.tenant_id = :t AND a.user_id = :u ORDER BY a.user_id, a.sku_id;
\endpipeline
\startpipeline
DELETE FROM license_assignment WHERE user_id = :u AND sku_id = :s;
INSERT INTO outbox_event (id, topic, event_key, ce_type, ce_source, occurred_at, payload, trace_parent, trace_state)
VALUES (gen_random_uuid(), 'licensing.license-events', :u, 'org.licenselifecycle.licensing.LicenseRemoved.v1',
        '/licensing-service', now(), :ev, NULL, NULL),
       (gen_random_uuid(), 'audit.directory-audits', gen_random_uuid()::text,
        'org.licenselifecycle.audit.DirectoryAuditRecorded.v1', '/licensing-service', now(), :au, NULL, NULL);
INSERT INTO seat_release (tenant_id, sku_id, seats) VALUES (:t, :s, 1);
\endpipeline
COMMIT;
