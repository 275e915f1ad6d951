package org.licenselifecycle.licensing.licenses;

import java.util.stream.Collectors;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.licensing.products.PlanDependencies.Unmet;
import org.licenselifecycle.licensing.products.ServicePlan;

/**
 * A change refused because it would leave an add-on's service plan without any of its prerequisites enabled
 * ({@link org.licenselifecycle.licensing.products.PlanDependencies}): 400 Request_BadRequest with Graph's and Entra's
 * own messages. Nothing changed.
 */
public class PrerequisiteMissing extends GraphException {

    private PrerequisiteMissing(String message) {
        super(400, GraphErrorCodes.BAD_REQUEST, message);
    }

    /**
     * A user's assignLicense: Graph's message, "License assignment failed because service plan {id} depends on the
     * service plan(s) {ids}".
     */
    static PrerequisiteMissing onUser(Unmet unmet) {
        return new PrerequisiteMissing("License assignment failed because service plan " + unmet.plan().servicePlanId()
                + " depends on the service plan(s) " + unmet.prerequisites().stream()
                        .map(p -> p.servicePlanId().toString()).collect(Collectors.joining(",")));
    }

    /** A group's assignLicense: the message Entra's portal shows for a group without the prerequisite. */
    static PrerequisiteMissing inGroup(Unmet unmet) {
        return new PrerequisiteMissing("License operation failed. Make sure that the group has necessary services before "
                + "adding or removing a dependent service. The service " + unmet.plan().friendlyName() + " requires "
                + unmet.prerequisites().stream().map(ServicePlan::friendlyName).collect(Collectors.joining(" or "))
                + " to be enabled as well.");
    }

    /** The refusal of one user among several changed together (the Licenses page, Active users), naming the user. */
    PrerequisiteMissing of(Holder user) {
        return new PrerequisiteMissing("User " + user.userPrincipalName() + " (" + user.userId() + "): " + getMessage());
    }
}
