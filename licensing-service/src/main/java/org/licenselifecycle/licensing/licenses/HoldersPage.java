package org.licenselifecycle.licensing.licenses;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** One page of a product's holders; {@code nextLink} is the absolute URL of the next page, absent on the last. */
public record HoldersPage(List<LicenseHolder> value, @JsonInclude(JsonInclude.Include.NON_NULL) String nextLink) {
}
