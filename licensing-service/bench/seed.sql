-- Seeds one tenant of the benchmark straight into licensing's database (psql -v tenant=... -v users=N
-- -v products=P): P products (the 4 demo products of the catalog plus synthetic ones, whatever else the catalog
-- holds), one subscription each, N users holding two products each, and the seat counters that match.
-- Idempotent per tenant id only: use a new tenant.
INSERT INTO product (sku_id, sku_part_number, product_name)
SELECT md5('bench-product-' || i)::uuid, 'BENCH_' || lpad(i::text, 2, '0'), 'Benchmark product ' || lpad(i::text, 2, '0')
FROM generate_series(1, :products - 4) AS i
ON CONFLICT DO NOTHING;

INSERT INTO directory_user (user_id, tenant_id, user_principal_name, display_name, usage_location, account_enabled, created_at,
                            changed_at, details_changed_at)
SELECT md5(:'tenant' || '-user-' || i)::uuid, :'tenant', 'user' || i || '@' || :'tenant' || '.example', 'User ' || i, 'US', TRUE, now(),
       now(), now()
FROM generate_series(1, :users) AS i;

CREATE TEMP TABLE bench_product AS
SELECT sku_id, row_number() OVER (ORDER BY sku_part_number) - 1 AS n
FROM (SELECT sku_id, sku_part_number FROM product
      WHERE sku_part_number LIKE 'BENCH\_%' OR sku_id IN ('cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46', '6fd2c87f-b296-42f0-b197-1e91e994b900',
                                                         '05e9a617-0261-4cee-bb44-138d3ef5d965', 'cdd28e44-67e3-425e-be4c-737fab2899d3')
      ORDER BY sku_part_number LIMIT :products) p;

INSERT INTO subscription (id, tenant_id, sku_id, licenses, status, created_at)
SELECT md5(:'tenant' || '-sub-' || sku_id)::uuid, :'tenant', sku_id, :users, 'Enabled', now() FROM bench_product;

INSERT INTO license_assignment (user_id, sku_id, tenant_id, assigned_at)
SELECT md5(:'tenant' || '-user-' || i)::uuid, p.sku_id, :'tenant', now()
FROM generate_series(1, :users) AS i
JOIN bench_product p ON p.n IN (i % :products, (i + 1) % :products);

INSERT INTO seat_count (tenant_id, sku_id, total, assigned)
SELECT :'tenant', p.sku_id, :users, (SELECT count(*) FROM license_assignment a WHERE a.tenant_id = :'tenant' AND a.sku_id = p.sku_id)
FROM bench_product p;

ANALYZE;
