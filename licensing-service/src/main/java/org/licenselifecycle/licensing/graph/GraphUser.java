package org.licenselifecycle.licensing.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.licensing.licenses.AssignedLicense;

/** The user as Graph returns it from assignLicense: the properties licensing knows, with assignedLicenses. */
@JsonPropertyOrder({"@odata.context", "id", "displayName", "userPrincipalName", "usageLocation", "assignedLicenses"})
public record GraphUser(
        @JsonProperty("@odata.context") String context,
        UUID id,
        String displayName,
        String userPrincipalName,
        String usageLocation,
        List<AssignedLicense> assignedLicenses) {
}
