package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;

/** The users selected on the Licenses page or the Active users page, whose licenses are to be unassigned. */
public record UnassignRequest(List<UUID> userIds) {
}
