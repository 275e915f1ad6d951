package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;

/** The users selected on the Licenses page to be given a product's license. */
public record AssignRequest(List<UUID> userIds) {
}
