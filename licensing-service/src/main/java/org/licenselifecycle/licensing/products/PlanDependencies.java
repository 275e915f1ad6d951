package org.licenselifecycle.licensing.products;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one statement of Entra ID's rule for add-ons: "Add-ons require a prerequisite service plan to be enabled for a
 * user or a group before they can be assigned a license". A service plan listed in {@link #RESOURCE} needs one of its
 * prerequisites (any one) enabled on the same user, or in the same group, e.g. Microsoft Workplace Analytics' user
 * plan needs Exchange Online (Plan 1) or Exchange Online (Plan 2). Plans not listed need nothing.
 *
 * <p>Who obeys it: a direct change of a user's licenses is refused when it leaves a plan without its prerequisite;
 * a group's products are refused unless the group gives the prerequisite too; a license a member would lose from a
 * group is kept while a license from another source depends on it (DependencyViolation).
 */
@ApplicationScoped
public class PlanDependencies {

    /**
     * The prerequisites on the class path, beside Microsoft's catalog file, which does not state them: one row per
     * plan and prerequisite (Service_Plan_Name, Service_Plan_Id, Prerequisite_Service_Plan_Name,
     * Prerequisite_Service_Plan_Id); the ids are what count, the names help the reader.
     */
    public static final String RESOURCE = "catalog/service-plan-prerequisites.csv";

    private final ProductCatalog catalog;
    private volatile Map<UUID, List<ServicePlan>> prerequisites;
    private volatile Set<UUID> productsNeedingPrerequisites;

    PlanDependencies(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    /** A plan whose prerequisites are none of them enabled, with those prerequisites (one of which it needs). */
    public record Unmet(ServicePlan plan, List<ServicePlan> prerequisites) {

        public Unmet {
            prerequisites = List.copyOf(prerequisites);
        }
    }

    /** The plan's prerequisites, one of which must be enabled beside it; empty when it needs none. */
    public List<ServicePlan> prerequisitesOf(UUID servicePlanId) {
        return prerequisites().getOrDefault(servicePlanId, List.of());
    }

    /**
     * Whether a plan of {@code product} needs a prerequisite, enabled or not: only a license of such a product can
     * leave a plan unmet. Most products (Business Premium, E3) have none, so a change leaving only those has nothing
     * to check.
     */
    public boolean needsAnyPrerequisite(Product product) {
        Set<UUID> loaded = productsNeedingPrerequisites;
        if (loaded == null) {
            Map<UUID, List<ServicePlan>> needs = prerequisites();
            loaded = catalog.all().stream()
                    .filter(p -> p.servicePlans().stream().anyMatch(plan -> needs.containsKey(plan.servicePlanId())))
                    .map(Product::skuId).collect(Collectors.toUnmodifiableSet());
            productsNeedingPrerequisites = loaded;
        }
        return loaded.contains(product.skuId());
    }

    /** The plans among {@code enabled} (one user's, or one group's) that lack an enabled prerequisite. */
    public List<Unmet> unmet(Collection<ServicePlan> enabled) {
        Set<UUID> on = enabled.stream().map(ServicePlan::servicePlanId).collect(Collectors.toSet());
        Map<UUID, Unmet> unmet = new LinkedHashMap<>();
        for (ServicePlan plan : enabled) {
            List<ServicePlan> needed = prerequisitesOf(plan.servicePlanId());
            if (!needed.isEmpty() && needed.stream().noneMatch(p -> on.contains(p.servicePlanId()))) {
                unmet.putIfAbsent(plan.servicePlanId(), new Unmet(plan, needed));
            }
        }
        return List.copyOf(unmet.values());
    }

    /**
     * Of the licenses about to go ({@code going}, by a key such as the product's id, with their enabled plans), those
     * that must stay because a plan of what stays ({@code staying}) needs a prerequisite only they enable; a license
     * kept so counts as staying for the others (an add-on of an add-on). A plan whose prerequisite is missing either
     * way keeps nothing.
     */
    public <K> Set<K> stillNeeded(Map<K, List<ServicePlan>> staying, Map<K, List<ServicePlan>> going) {
        Map<K, List<ServicePlan>> left = new LinkedHashMap<>(going);
        List<ServicePlan> kept = new ArrayList<>();
        staying.values().forEach(kept::addAll);
        Set<K> needed = new LinkedHashSet<>();
        boolean found = true;
        while (found) {
            found = false;
            for (Unmet unmet : unmet(kept)) {
                Set<UUID> wanted = unmet.prerequisites().stream().map(ServicePlan::servicePlanId).collect(Collectors.toSet());
                K giver = left.entrySet().stream()
                        .filter(e -> e.getValue().stream().anyMatch(p -> wanted.contains(p.servicePlanId())))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (giver != null) {
                    needed.add(giver);
                    kept.addAll(left.remove(giver));
                    found = true;
                }
            }
        }
        return needed;
    }

    private Map<UUID, List<ServicePlan>> prerequisites() {
        Map<UUID, List<ServicePlan>> loaded = prerequisites;
        if (loaded == null) {
            loaded = read();
            prerequisites = loaded;
        }
        return loaded;
    }

    /** Reads the file once; a plan it names that the catalog does not know is a mistake of the file, found at once. */
    private Map<UUID, List<ServicePlan>> read() {
        Map<UUID, ServicePlan> plans = new LinkedHashMap<>();
        catalog.all().forEach(product -> product.servicePlans().forEach(plan -> plans.putIfAbsent(plan.servicePlanId(), plan)));
        Map<UUID, List<ServicePlan>> result = new LinkedHashMap<>();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The service plans' prerequisites " + RESOURCE + " are not on the class path.");
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
                    MappingIterator<Map<String, String>> rows = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
                            .readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader()).readValues(reader)) {
                int line = 1;
                while (rows.hasNext()) {
                    line++;
                    Map<String, String> row = rows.next();
                    ServicePlan plan = plan(plans, row.get("Service_Plan_Id"), line);
                    ServicePlan prerequisite = plan(plans, row.get("Prerequisite_Service_Plan_Id"), line);
                    result.computeIfAbsent(plan.servicePlanId(), k -> new ArrayList<>()).add(prerequisite);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.replaceAll((plan, needed) -> List.copyOf(needed));
        return Map.copyOf(result);
    }

    private static ServicePlan plan(Map<UUID, ServicePlan> plans, String id, int line) {
        try {
            ServicePlan plan = id == null ? null : plans.get(UUID.fromString(id));
            if (plan == null) {
                throw new IllegalStateException("Line " + line + " of " + RESOURCE + " names service plan " + id
                        + ", which no product of the catalog has.");
            }
            return plan;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Line " + line + " of " + RESOURCE + ": '" + id + "' is not a GUID.", e);
        }
    }
}
