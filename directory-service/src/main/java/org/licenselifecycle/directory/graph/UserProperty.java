package org.licenselifecycle.directory.graph;

import java.util.Arrays;
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
    CREATED_DATE_TIME("createdDateTime", u -> u.createdAt.toString());

    private final String graphName;
    private final Function<User, Object> value;

    UserProperty(String graphName, Function<User, Object> value) {
        this.graphName = graphName;
        this.value = value;
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
