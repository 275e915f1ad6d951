package org.licenselifecycle.directory.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.licenselifecycle.directory.groups.Group;
import org.licenselifecycle.directory.groups.GroupLicense;

/**
 * The properties of Graph's {@code microsoft.graph.group} that this service serves for its security groups, by
 * Graph's names, in the order a response lists them. {@code assignedLicenses} (licensing's, through its events) is
 * returned, as in Graph, only when selected.
 */
enum GroupProperty {
    ID("id", group(g -> g.id.toString())),
    CREATED_DATE_TIME("createdDateTime", group(g -> g.createdAt.toString())),
    DESCRIPTION("description", group(g -> g.description)),
    DISPLAY_NAME("displayName", group(g -> g.displayName)),
    /** Empty for a security group (Unified is a Microsoft 365 group's, DynamicMembership a dynamic one's). */
    GROUP_TYPES("groupTypes", group(g -> List.of())),
    MAIL("mail", group(g -> null)),
    MAIL_ENABLED("mailEnabled", group(g -> false)),
    MAIL_NICKNAME("mailNickname", group(g -> g.mailNickname)),
    /** Graph returns null, not false, for a group mastered in the cloud. */
    ON_PREMISES_SYNC_ENABLED("onPremisesSyncEnabled", group(g -> g.onPremisesSyncEnabled ? Boolean.TRUE : null)),
    SECURITY_ENABLED("securityEnabled", group(g -> true)),
    /** When the directory synchronization last changed the group; as on a user, only when selected. */
    ON_PREMISES_LAST_SYNC_DATE_TIME("onPremisesLastSyncDateTime",
            group(g -> g.onPremisesLastSyncAt == null ? null : g.onPremisesLastSyncAt.toString()), false),
    ASSIGNED_LICENSES("assignedLicenses", (group, licenses) -> licenses.stream().map(GroupProperty::license).toList(),
            false);

    /** What a response holds without {@code $select}. */
    static final List<GroupProperty> DEFAULT = Arrays.stream(values()).filter(p -> p.byDefault).toList();

    private final String graphName;
    private final BiFunction<Group, List<GroupLicense>, Object> value;
    private final boolean byDefault;

    GroupProperty(String graphName, BiFunction<Group, List<GroupLicense>, Object> value) {
        this(graphName, value, true);
    }

    GroupProperty(String graphName, BiFunction<Group, List<GroupLicense>, Object> value, boolean byDefault) {
        this.graphName = graphName;
        this.value = value;
        this.byDefault = byDefault;
    }

    String graphName() {
        return graphName;
    }

    /** @param licenses the products the group gives, read when {@code assignedLicenses} is selected */
    Object valueOf(Group group, List<GroupLicense> licenses) {
        return value.apply(group, licenses);
    }

    /** Graph matches {@code $select} names case-insensitively. */
    static Optional<GroupProperty> named(String name) {
        return Arrays.stream(values()).filter(p -> p.graphName.equalsIgnoreCase(name)).findFirst();
    }

    private static BiFunction<Group, List<GroupLicense>, Object> group(Function<Group, Object> value) {
        return (group, licenses) -> value.apply(group);
    }

    /** Graph's {@code assignedLicense}, as on a user. */
    private static Map<String, Object> license(GroupLicense license) {
        return Map.of("disabledPlans", license.disabledPlanList().stream().map(UUID::toString).toList(),
                "skuId", license.skuId.toString());
    }
}
