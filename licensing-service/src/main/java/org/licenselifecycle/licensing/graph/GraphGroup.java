package org.licenselifecycle.licensing.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.licensing.licenses.AssignedLicense;

/** The group as Graph returns it from assignLicense and reprocessLicenseAssignment: what licensing knows of it. */
@JsonPropertyOrder({"@odata.context", "id", "displayName", "assignedLicenses"})
public record GraphGroup(
        @JsonProperty("@odata.context") String context,
        UUID id,
        String displayName,
        List<AssignedLicense> assignedLicenses) {
}
