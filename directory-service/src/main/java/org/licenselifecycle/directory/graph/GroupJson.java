package org.licenselifecycle.directory.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.licenselifecycle.directory.groups.Group;
import org.licenselifecycle.directory.groups.GroupLicense;

/** Renders groups in Graph's shape, limited to the {@code $select}ed properties when there are any. */
final class GroupJson {

    static final String GROUP_TYPE = "#microsoft.graph.group";

    private GroupJson() {
    }

    static Map<String, Object> of(Group group, List<GroupProperty> select, List<GroupLicense> licenses) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (GroupProperty property : select.isEmpty() ? GroupProperty.DEFAULT : select) {
            json.put(property.graphName(), property.valueOf(group, licenses));
        }
        return json;
    }

    /** One group with its {@code @odata.context} first, as Graph answers for a single entity. */
    static Map<String, Object> entity(Group group, List<GroupProperty> select, List<GroupLicense> licenses,
            String baseUri) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(UserJson.CONTEXT, collectionContext(baseUri, select) + "/$entity");
        json.putAll(of(group, select, licenses));
        return json;
    }

    /** A group in a list of directoryObjects ({@code memberOf}): the {@code @odata.type} tells the SDKs its type. */
    static Map<String, Object> directoryObject(Group group, List<GroupProperty> select, List<GroupLicense> licenses) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(UserJson.TYPE, GROUP_TYPE);
        json.putAll(of(group, select, licenses));
        return json;
    }

    /**
     * A page of groups, each with the licenses it gives when selected.
     *
     * @param asDirectoryObjects whether the list is of directoryObjects ({@code memberOf}), each typed
     */
    static List<Map<String, Object>> page(List<Group> groups, List<GroupProperty> select,
            Map<UUID, List<GroupLicense>> licenses, boolean asDirectoryObjects) {
        return groups.stream().map(group -> {
            List<GroupLicense> given = licenses.getOrDefault(group.id, List.of());
            return asDirectoryObjects ? directoryObject(group, select, given) : of(group, select, given);
        }).toList();
    }

    /** Whether rendering {@code select} needs the groups' licenses. */
    static boolean needsLicenses(List<GroupProperty> select) {
        return select.contains(GroupProperty.ASSIGNED_LICENSES);
    }

    /** {@code <base>/v1.0/$metadata#groups}, with the selected properties in parentheses as Graph writes them. */
    static String collectionContext(String baseUri, List<GroupProperty> select) {
        String context = UserJson.metadata(baseUri) + "#groups";
        return select.isEmpty() ? context
                : context + select.stream().map(GroupProperty::graphName).collect(Collectors.joining(",", "(", ")"));
    }
}
