package org.licenselifecycle.licensing.products;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The products and service plans Microsoft sells, global to all tenants. Flyway seeds them and nothing
 * changes them while the service runs, so they are read once and kept in memory: every assignment and
 * every Licenses page needs them.
 */
@ApplicationScoped
public class ProductCatalog {

    private final EntityManager entityManager;
    private volatile Map<UUID, Product> products;

    ProductCatalog(EntityManager entityManager) {
        this.entityManager = entityManager;
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

    @SuppressWarnings("unchecked")
    private Map<UUID, Product> load() {
        Map<UUID, List<ServicePlan>> plansBySku = new LinkedHashMap<>();
        List<Object[]> planRows = entityManager.createNativeQuery("""
                SELECT psp.sku_id, sp.service_plan_id, sp.service_plan_name, sp.friendly_name, sp.workload,
                       sp.exchange_enterprise
                FROM product_service_plan psp JOIN service_plan sp ON sp.service_plan_id = psp.service_plan_id
                ORDER BY sp.service_plan_name""").getResultList();
        for (Object[] row : planRows) {
            plansBySku.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(new ServicePlan(
                    (UUID) row[1], (String) row[2], (String) row[3], Workload.valueOf((String) row[4]), (Boolean) row[5]));
        }
        List<Object[]> productRows = entityManager.createNativeQuery(
                "SELECT sku_id, sku_part_number, product_name FROM product").getResultList();
        Map<UUID, Product> result = new LinkedHashMap<>();
        productRows.stream()
                .map(row -> new Product((UUID) row[0], (String) row[1], (String) row[2],
                        plansBySku.getOrDefault((UUID) row[0], List.of())))
                .sorted(Comparator.comparing(Product::productName))
                .forEach(p -> result.put(p.skuId(), p));
        return Collections.unmodifiableMap(result);
    }
}
