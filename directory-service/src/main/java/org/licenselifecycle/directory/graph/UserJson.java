package org.licenselifecycle.directory.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.licenselifecycle.directory.licenses.LicensesOfUser;
import org.licenselifecycle.directory.users.User;

/** Renders users in Graph's shape, limited to the {@code $select}ed properties when there are any. */
final class UserJson {

    static final String CONTEXT = "@odata.context";
    static final String TYPE = "@odata.type";
    static final String USER_TYPE = "#microsoft.graph.user";

    private UserJson() {
    }

    /** @param licenses the user's licenses, read when {@code select} names a license property */
    static Map<String, Object> of(User user, List<UserProperty> select, LicensesOfUser licenses) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (UserProperty property : select.isEmpty() ? UserProperty.DEFAULT : select) {
            json.put(property.graphName(), property.valueOf(user, licenses));
        }
        return json;
    }

    /** Whether rendering {@code select} needs the users' licenses. */
    static boolean needsLicenses(List<UserProperty> select) {
        return select.stream().anyMatch(UserProperty::fromLicenses);
    }

    /** One user with its {@code @odata.context} first, as Graph answers for a single entity. */
    static Map<String, Object> entity(User user, List<UserProperty> select, LicensesOfUser licenses, String baseUri) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(CONTEXT, collectionContext(baseUri, select) + "/$entity");
        json.putAll(of(user, select, licenses));
        return json;
    }

    /** A user in deleted items: Graph adds {@code deletedDateTime} to the default properties there. */
    static Map<String, Object> deleted(User user, List<UserProperty> select, LicensesOfUser licenses) {
        Map<String, Object> json = of(user, select, licenses);
        if (select.isEmpty()) {
            json.put(UserProperty.DELETED_DATE_TIME.graphName(), UserProperty.DELETED_DATE_TIME.valueOf(user, licenses));
        }
        return json;
    }

    /**
     * A user answered as a directoryObject (restore, manager): the {@code @odata.type} tells Graph's SDKs
     * which type to read.
     */
    static Map<String, Object> directoryObject(User user, String baseUri) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(CONTEXT, stripSlash(baseUri) + "/v1.0/$metadata#directoryObjects/$entity");
        json.put(TYPE, USER_TYPE);
        json.putAll(of(user, List.of(), LicensesOfUser.NONE));
        return json;
    }

    /** A deleted user answered as a directoryObject, with its {@code deletedDateTime}. */
    static Map<String, Object> deletedDirectoryObject(User user, String baseUri) {
        Map<String, Object> json = directoryObject(user, baseUri);
        json.put(UserProperty.DELETED_DATE_TIME.graphName(), UserProperty.DELETED_DATE_TIME.valueOf(user, LicensesOfUser.NONE));
        return json;
    }

    /** {@code <base>/v1.0/$metadata#directory/deletedItems/microsoft.graph.user}, with the selection as for users. */
    static String deletedItemsContext(String baseUri, List<UserProperty> select) {
        String context = stripSlash(baseUri) + "/v1.0/$metadata#directory/deletedItems/microsoft.graph.user";
        return select.isEmpty() ? context
                : context + select.stream().map(UserProperty::graphName).collect(Collectors.joining(",", "(", ")"));
    }

    /** {@code <base>/v1.0/$metadata#users}, with the selected properties in parentheses as Graph writes them. */
    static String collectionContext(String baseUri, List<UserProperty> select) {
        String context = stripSlash(baseUri) + "/v1.0/$metadata#users";
        return select.isEmpty() ? context
                : context + select.stream().map(UserProperty::graphName).collect(Collectors.joining(",", "(", ")"));
    }

    /** {@code <base>/v1.0/$metadata}, to which a context adds its {@code #...}. */
    static String metadata(String baseUri) {
        return stripSlash(baseUri) + "/v1.0/$metadata";
    }

    private static String stripSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
