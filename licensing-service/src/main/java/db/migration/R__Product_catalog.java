package db.migration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.zip.CRC32;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalogFile;
import org.licenselifecycle.licensing.products.ServicePlan;

/**
 * Loads Microsoft's product catalog file ({@link ProductCatalogFile#RESOURCE}) into {@code product},
 * {@code service_plan} and {@code product_service_plan}. A repeatable migration whose checksum is the file's:
 * Flyway runs it after the versioned ones when the file is new or changed, and skips it on every other start.
 * Products and plans are upserted by their GUIDs; a product of the file gets exactly the file's plans. Products
 * no longer in the file stay, since subscriptions and assignments may still name them.
 */
public class R__Product_catalog extends BaseJavaMigration {

    @Override
    public Integer getChecksum() {
        CRC32 crc = new CRC32();
        crc.update(file());
        return (int) crc.getValue();
    }

    @Override
    public void migrate(Context context) throws Exception {
        List<Product> products;
        try (InputStream csv = new ByteArrayInputStream(file())) {
            products = ProductCatalogFile.read(csv);
        }
        Connection connection = context.getConnection();
        try (PreparedStatement product = connection.prepareStatement("""
                INSERT INTO product (sku_id, sku_part_number, product_name) VALUES (?, ?, ?)
                ON CONFLICT (sku_id) DO UPDATE SET sku_part_number = EXCLUDED.sku_part_number,
                    product_name = EXCLUDED.product_name""");
                PreparedStatement plan = connection.prepareStatement("""
                INSERT INTO service_plan (service_plan_id, service_plan_name, friendly_name, workload, exchange_enterprise)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (service_plan_id) DO UPDATE SET service_plan_name = EXCLUDED.service_plan_name,
                    friendly_name = EXCLUDED.friendly_name, workload = EXCLUDED.workload,
                    exchange_enterprise = EXCLUDED.exchange_enterprise""");
                PreparedStatement unlink = connection.prepareStatement("DELETE FROM product_service_plan WHERE sku_id = ?");
                PreparedStatement link = connection.prepareStatement(
                        "INSERT INTO product_service_plan (sku_id, service_plan_id) VALUES (?, ?)")) {
            Set<UUID> planned = new HashSet<>();
            for (Product p : products) {
                product.setObject(1, p.skuId());
                product.setString(2, p.skuPartNumber());
                product.setString(3, p.productName());
                product.addBatch();
                unlink.setObject(1, p.skuId());
                unlink.addBatch();
                for (ServicePlan sp : p.servicePlans()) {
                    if (planned.add(sp.servicePlanId())) {
                        plan.setObject(1, sp.servicePlanId());
                        plan.setString(2, sp.servicePlanName());
                        plan.setString(3, sp.friendlyName());
                        plan.setString(4, sp.workload().name());
                        plan.setBoolean(5, sp.exchangeEnterprise());
                        plan.addBatch();
                    }
                    link.setObject(1, p.skuId());
                    link.setObject(2, sp.servicePlanId());
                    link.addBatch();
                }
            }
            product.executeBatch();
            plan.executeBatch();
            unlink.executeBatch();
            link.executeBatch();
        }
    }

    private static byte[] file() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(ProductCatalogFile.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The product catalog " + ProductCatalogFile.RESOURCE + " is not on the class path.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
