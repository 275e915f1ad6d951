package org.licenselifecycle.directory.graph;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.licenselifecycle.directory.licenses.LicensesOfUser;
import org.licenselifecycle.directory.users.User;

/**
 * The properties of Graph's {@code microsoft.graph.user} that this service keeps, by Graph's names, in
 * the order a response lists them. There is deliberately no passwordProfile: Graph never returns it. The
 * license properties come from the licenses the directory knows of ({@link LicensesOfUser}) and, as in Graph,
 * only when selected.
 */
enum UserProperty {
    ID("id", user(u -> u.id.toString())),
    DISPLAY_NAME("displayName", user(u -> u.displayName)),
    GIVEN_NAME("givenName", user(u -> u.givenName)),
    SURNAME("surname", user(u -> u.surname)),
    USER_PRINCIPAL_NAME("userPrincipalName", user(u -> u.userPrincipalName)),
    MAIL("mail", user(u -> u.mail)),
    MAIL_NICKNAME("mailNickname", user(u -> u.mailNickname)),
    USAGE_LOCATION("usageLocation", user(u -> u.usageLocation)),
    ACCOUNT_ENABLED("accountEnabled", user(u -> u.accountEnabled)),
    JOB_TITLE("jobTitle", user(u -> u.jobTitle)),
    DEPARTMENT("department", user(u -> u.department)),
    /** Graph returns null, not false, for an account mastered in the cloud. */
    ON_PREMISES_SYNC_ENABLED("onPremisesSyncEnabled", user(u -> u.onPremisesSyncEnabled ? Boolean.TRUE : null)),
    CREATED_DATE_TIME("createdDateTime", user(u -> u.createdAt.toString())),
    // what the directory synchronization writes (Graph returns them only when selected)
    ON_PREMISES_IMMUTABLE_ID("onPremisesImmutableId", user(u -> u.onPremisesImmutableId), false),
    ON_PREMISES_LAST_SYNC_DATE_TIME("onPremisesLastSyncDateTime",
            user(u -> u.onPremisesLastSyncAt == null ? null : u.onPremisesLastSyncAt.toString()), false),
    ON_PREMISES_SAM_ACCOUNT_NAME("onPremisesSamAccountName", user(u -> u.onPremisesSamAccountName), false),
    ON_PREMISES_DISTINGUISHED_NAME("onPremisesDistinguishedName", user(u -> u.onPremisesDistinguishedName), false),
    ON_PREMISES_DOMAIN_NAME("onPremisesDomainName", user(u -> u.onPremisesDomainName), false),
    /** Graph's directoryObject property: null for an active user, so only returned when selected or in deleted items. */
    DELETED_DATE_TIME("deletedDateTime", user(u -> u.deletedAt == null ? null : u.deletedAt.toString()), false),
    ASSIGNED_LICENSES("assignedLicenses", licenses(LicensesJson::assignedLicenses), false),
    ASSIGNED_PLANS("assignedPlans", licenses(LicensesJson::assignedPlans), false),
    LICENSE_ASSIGNMENT_STATES("licenseAssignmentStates", licenses(LicensesJson::licenseAssignmentStates), false);

    /** What a response holds without {@code $select}. */
    static final List<UserProperty> DEFAULT = Arrays.stream(values()).filter(p -> p.byDefault).toList();

    private final String graphName;
    private final BiFunction<User, LicensesOfUser, Object> value;
    private final boolean byDefault;

    UserProperty(String graphName, BiFunction<User, LicensesOfUser, Object> value) {
        this(graphName, value, true);
    }

    UserProperty(String graphName, BiFunction<User, LicensesOfUser, Object> value, boolean byDefault) {
        this.graphName = graphName;
        this.value = value;
        this.byDefault = byDefault;
    }

    String graphName() {
        return graphName;
    }

    Object valueOf(User user, LicensesOfUser licenses) {
        return value.apply(user, licenses);
    }

    /** Whether the property comes from the user's licenses, which are read only when such a property is selected. */
    boolean fromLicenses() {
        return this == ASSIGNED_LICENSES || this == ASSIGNED_PLANS || this == LICENSE_ASSIGNMENT_STATES;
    }

    /** Graph matches {@code $select} names case-insensitively. */
    static Optional<UserProperty> named(String name) {
        return Arrays.stream(values()).filter(p -> p.graphName.equalsIgnoreCase(name)).findFirst();
    }

    private static BiFunction<User, LicensesOfUser, Object> user(Function<User, Object> value) {
        return (user, licenses) -> value.apply(user);
    }

    private static BiFunction<User, LicensesOfUser, Object> licenses(Function<LicensesOfUser, Object> value) {
        return (user, licenses) -> value.apply(licenses);
    }
}
