package org.licenselifecycle.directory.graph;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.directory.licenses.LicensesOfUser;
import org.licenselifecycle.directory.licenses.UserLicense;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;

/**
 * A user's licenses in Graph's shapes: {@code assignedLicense}, {@code assignedPlan} and
 * {@code licenseAssignmentState}. Every license here was assigned in full (licensing refuses a change it cannot
 * make), so each state is {@code Active} without error.
 */
final class LicensesJson {

    private LicensesJson() {
    }

    static List<Map<String, Object>> assignedLicenses(LicensesOfUser licenses) {
        return licenses.held().stream().map(license -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("disabledPlans", ids(license.disabledPlanList()));
            json.put("skuId", license.skuId.toString());
            return json;
        }).toList();
    }

    static List<Map<String, Object>> assignedPlans(LicensesOfUser licenses) {
        return licenses.plans().stream().map(plan -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("assignedDateTime", time(plan.since()));
            json.put("capabilityStatus", plan.enabled() ? "Enabled" : "Deleted");
            json.put("service", plan.service());
            json.put("servicePlanId", plan.servicePlanId().toString());
            return json;
        }).toList();
    }

    /** As licensing last stated them while a group gave the user a state; otherwise each held product, Active. */
    static List<Map<String, Object>> licenseAssignmentStates(LicensesOfUser licenses) {
        return licenses.statedWithGroups()
                .map(states -> states.stream().map(LicensesJson::state).toList())
                .orElseGet(() -> licenses.held().stream().map(LicensesJson::state).toList());
    }

    private static Map<String, Object> state(LicenseAssignmentState state) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("assignedByGroup", state.assignedByGroup() == null ? null : state.assignedByGroup().toString());
        json.put("disabledPlans", ids(state.disabledPlans()));
        json.put("error", state.error());
        json.put("lastUpdatedDateTime", time(state.lastUpdatedDateTime()));
        json.put("skuId", state.skuId().toString());
        json.put("state", state.state());
        return json;
    }

    private static Map<String, Object> state(UserLicense license) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("assignedByGroup", license.assignedByGroup == null ? null : license.assignedByGroup.toString());
        json.put("disabledPlans", ids(license.disabledPlanList()));
        json.put("error", "None");
        json.put("lastUpdatedDateTime", time(license.changedAt));
        json.put("skuId", license.skuId.toString());
        json.put("state", "Active");
        return json;
    }

    private static List<String> ids(List<UUID> ids) {
        return ids.stream().map(UUID::toString).toList();
    }

    /** To the second, as Graph writes its times. */
    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
