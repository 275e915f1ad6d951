package org.licenselifecycle.licensing.products;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Microsoft's "Product names and service plan identifiers for licensing" as the CSV Microsoft publishes with
 * that page: one row per product and service plan, with the columns Product_Display_Name, String_Id, GUID,
 * Service_Plan_Name, Service_Plan_Id and Service_Plans_Included_Friendly_Names. Updating the catalog is
 * replacing the file ({@link #RESOURCE}).
 *
 * <p>The published file repeats some rows, pads some values with tabs or non-breaking spaces, and spells some
 * plans in more than one way (trailing blanks, case, a stray parenthesis): a plan keeps the name and friendly name most of its rows give it, and each
 * product-plan pair counts once. A product's or plan's identity is its GUID; names may repeat.
 */
public final class ProductCatalogFile {

    /** The catalog file on the class path. */
    public static final String RESOURCE = "catalog/product-names-and-service-plan-identifiers-for-licensing.csv";

    private ProductCatalogFile() {
    }

    /** The products of the file, each with its plans, in the order the file names them. */
    public static List<Product> read(InputStream csv) throws IOException {
        Map<UUID, String[]> products = new LinkedHashMap<>();
        Map<UUID, Set<UUID>> plansOfProduct = new LinkedHashMap<>();
        Map<UUID, Map<String, Integer>> planNames = new HashMap<>();
        Map<UUID, Map<String, Integer>> friendlyNames = new HashMap<>();
        CsvSchema header = CsvSchema.emptySchema().withHeader();
        try (Reader reader = withoutByteOrderMark(new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8)));
                MappingIterator<Map<String, String>> rows = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
                        .readerForMapOf(String.class).with(header).readValues(reader)) {
            int line = 1;
            while (rows.hasNext()) {
                line++;
                Map<String, String> row = rows.next();
                UUID skuId = guid(row, "GUID", line);
                UUID planId = guid(row, "Service_Plan_Id", line);
                products.putIfAbsent(skuId, new String[] {text(row, "String_Id", line), text(row, "Product_Display_Name", line)});
                plansOfProduct.computeIfAbsent(skuId, k -> new LinkedHashSet<>()).add(planId);
                planNames.computeIfAbsent(planId, k -> new LinkedHashMap<>()).merge(text(row, "Service_Plan_Name", line), 1, Integer::sum);
                friendlyNames.computeIfAbsent(planId, k -> new LinkedHashMap<>())
                        .merge(text(row, "Service_Plans_Included_Friendly_Names", line), 1, Integer::sum);
            }
        }
        Map<UUID, ServicePlan> plans = new HashMap<>();
        planNames.forEach((planId, names) -> {
            String name = mostGiven(names);
            plans.put(planId, new ServicePlan(planId, name, mostGiven(friendlyNames.get(planId)), Workload.of(name),
                    Workload.isExchangeEnterprise(name)));
        });
        List<Product> result = new ArrayList<>();
        products.forEach((skuId, names) -> result.add(new Product(skuId, names[0], names[1],
                plansOfProduct.get(skuId).stream().map(plans::get).toList())));
        return result;
    }

    /** Microsoft's file starts with a UTF-8 byte order mark, which would otherwise join the first column's name. */
    private static Reader withoutByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static String mostGiven(Map<String, Integer> counts) {
        // the first spelling wins a tie: the map keeps the file's order and max keeps the first maximum
        return counts.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue)).orElseThrow().getKey();
    }

    private static String text(Map<String, String> row, String column, int line) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Line " + line + " of the product catalog has no " + column + ".");
        }
        // the published file has tabs and non-breaking spaces inside and around some values
        return value.replaceAll("[\\s\\p{Z}]+", " ").strip();
    }

    private static UUID guid(Map<String, String> row, String column, int line) {
        String value = text(row, column, line);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Line " + line + " of the product catalog: " + column + " '" + value
                    + "' is not a GUID.", e);
        }
    }
}
