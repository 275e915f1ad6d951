package org.licenselifecycle.console.users;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.licenselifecycle.console.services.DirectoryClient;

/**
 * The Licenses column of Active users: the names of the products a user holds, as licensing names them,
 * alphabetically and comma-separated, or "Unlicensed" (as the admin center writes it).
 */
final class LicensesColumn {

    static final String UNLICENSED = "Unlicensed";

    private LicensesColumn() {
    }

    /**
     * @param names licensing's product name by skuId; a product it does not list shows as its skuId
     */
    static String of(List<DirectoryClient.AssignedLicense> licenses, Map<String, String> names) {
        if (licenses == null || licenses.isEmpty()) {
            return UNLICENSED;
        }
        return licenses.stream().map(l -> names.getOrDefault(l.skuId(), l.skuId())).distinct()
                .sorted(Comparator.comparing((String name) -> name.toLowerCase(Locale.ROOT)).thenComparing(Comparator.naturalOrder()))
                .collect(Collectors.joining(", "));
    }
}
