package org.licenselifecycle.directory.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.licenselifecycle.directory.users.User;

/**
 * The properties of Graph's {@code microsoft.graph.user} that this service keeps, by Graph's names, in
 * the order a response lists them. There is deliberately no passwordProfile: Graph never returns it.
 */
enum UserProperty {
    ID("id", u -> u.id.toString()),
    DISPLAY_NAME("displayName", u -> u.displayName),
    GIVEN_NAME("givenName", u -> u.givenName),
    SURNAME("surname", u -> u.surname),
    USER_PRINCIPAL_NAME("userPrincipalName", u -> u.userPrincipalName),
    MAIL("mail", u -> u.mail),
    MAIL_NICKNAME("mailNickname", u -> u.mailNickname),
    USAGE_LOCATION("usageLocation", u -> u.usageLocation),
    ACCOUNT_ENABLED("accountEnabled", u -> u.accountEnabled),
    JOB_TITLE("jobTitle", u -> u.jobTitle),
    DEPARTMENT("department", u -> u.department),
    /** Graph returns null, not false, for an account mastered in the cloud. */
    ON_PREMISES_SYNC_ENABLED("onPremisesSyncEnabled", u -> u.onPremisesSyncEnabled ? Boolean.TRUE : null),
    CREATED_DATE_TIME("createdDateTime", u -> u.createdAt.toString()),
    /** Graph's directoryObject property: null for an active user, so only returned when selected or in deleted items. */
    DELETED_DATE_TIME("deletedDateTime", u -> u.deletedAt == null ? null : u.deletedAt.toString(), false);

    /** What a response holds without {@code $select}. */
    static final List<UserProperty> DEFAULT = Arrays.stream(values()).filter(p -> p.byDefault).toList();

    private final String graphName;
    private final Function<User, Object> value;

    private final boolean byDefault;

    UserProperty(String graphName, Function<User, Object> value) {
        this(graphName, value, true);
    }

    UserProperty(String graphName, Function<User, Object> value, boolean byDefault) {
        this.graphName = graphName;
        this.value = value;
        this.byDefault = byDefault;
    }

    String graphName() {
        return graphName;
    }

    Object valueOf(User user) {
        return value.apply(user);
    }

    /** Graph matches {@code $select} names case-insensitively. */
    static Optional<UserProperty> named(String name) {
        return Arrays.stream(values()).filter(p -> p.graphName.equalsIgnoreCase(name)).findFirst();
    }
}
