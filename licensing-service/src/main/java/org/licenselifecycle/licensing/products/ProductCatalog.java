package org.licenselifecycle.licensing.products;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * The products and service plans Microsoft sells, global to all tenants. Flyway seeds them and nothing
 * changes them while the service runs, so they are read once and kept in memory: every assignment and
 * every Licenses page needs them.
 */
@ApplicationScoped
public class ProductCatalog {

    private final Sql sql;
    private volatile Map<UUID, Product> products;

    ProductCatalog(Sql sql) {
        this.sql = sql;
    }

    public Optional<Product> find(UUID skuId) {
        return skuId == null ? Optional.empty() : Optional.ofNullable(products().get(skuId));
    }

    public List<Product> all() {
        return List.copyOf(products().values());
    }

    private Map<UUID, Product> products() {
        Map<UUID, Product> loaded = products;
        if (loaded == null) {
            synchronized (this) {
                if (products == null) {
                    products = QuarkusTransaction.joiningExisting().call(this::load);
                }
                loaded = products;
            }
        }
        return loaded;
    }

    private Map<UUID, Product> load() {
        Map<UUID, List<ServicePlan>> plansBySku = new LinkedHashMap<>();
        sql.list("""
                SELECT psp.sku_id, sp.service_plan_id, sp.service_plan_name, sp.friendly_name, sp.workload,
                       sp.exchange_enterprise
                FROM product_service_plan psp JOIN service_plan sp ON sp.service_plan_id = psp.service_plan_id
                ORDER BY sp.service_plan_name""", row -> Map.entry(Sql.uuid(row, 1), new ServicePlan(Sql.uuid(row, 2),
                        row.getString(3), row.getString(4), Workload.valueOf(row.getString(5)), row.getBoolean(6))))
                .forEach(plan -> plansBySku.computeIfAbsent(plan.getKey(), k -> new ArrayList<>()).add(plan.getValue()));
        Map<UUID, Product> result = new LinkedHashMap<>();
        sql.list("SELECT sku_id, sku_part_number, product_name FROM product",
                row -> new Product(Sql.uuid(row, 1), row.getString(2), row.getString(3), List.of()))
                .stream()
                .map(row -> new Product(row.skuId(), row.skuPartNumber(), row.productName(),
                        plansBySku.getOrDefault(row.skuId(), List.of())))
                .sorted(Comparator.comparing(Product::productName))
                .forEach(p -> result.put(p.skuId(), p));
        return Collections.unmodifiableMap(result);
    }
}
