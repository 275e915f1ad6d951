package org.licenselifecycle.directory.users;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * Entra ID's rules for a new user's properties and for changes to them, with Graph's messages. Nothing is stored before every
 * rule has passed.
 */
public final class UserValidation {

    /** ISO 3166-1 alpha-2 codes, the only values Entra ID takes as a usage location. */
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Characters Entra ID allows before the @ of a userPrincipalName; no leading, trailing or double dot. */
    private static final Pattern ALIAS = Pattern.compile("(?!\\.)(?!.*\\.\\.)[A-Za-z0-9'._\\-!#^~]{1,64}(?<!\\.)");

    /** A domain name: two or more labels of letters, digits and inner hyphens. */
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,48}$)(?!-)[A-Za-z0-9-]{1,63}(?<!-)(\\.(?!-)[A-Za-z0-9-]{1,63}(?<!-))+");

    /** mailNickname may not hold these (Entra ID's rule) and is at most 64 characters. */
    private static final Pattern MAIL_NICKNAME = Pattern.compile("[^@()\\\\\\[\\]\";:<>,\\s]{1,64}");

    private static final int MAX_NAME_LENGTH = 256;
    private static final int MAX_PASSWORD_LENGTH = 256;

    /** Set only by the directory synchronization ({@code directorysync}), never by a create or an update. */
    public static final String ON_PREMISES_SYNC_ENABLED = "onPremisesSyncEnabled";

    private UserValidation() {
    }

    /**
     * Graph's 400 for a create or an update that sets a read-only property, even to its current value (Graph:
     * "Property 'onPremisesSyncEnabled' is read-only and cannot be set."). Nothing is changed.
     */
    public static GraphException readOnly(String property) {
        return GraphException.badRequest("Property '" + property + "' is read-only and cannot be set.");
    }

    static void validate(NewUser user) {
        if (user == null) {
            throw GraphException.badRequest("The request body is empty; a user to create is required.");
        }
        if (user.onPremisesSyncEnabled() != null) {
            throw readOnly(ON_PREMISES_SYNC_ENABLED);
        }
        require(user.accountEnabled(), "accountEnabled");
        name(required(user.displayName(), "displayName"), "displayName");
        mailNickname(required(user.mailNickname(), "mailNickname"));
        userPrincipalName(required(user.userPrincipalName(), "userPrincipalName"));
        passwordProfile(user.passwordProfile());
        if (user.usageLocation() != null && !isUsageLocation(user.usageLocation())) {
            throw invalid("usageLocation");
        }
        if (user.mail() != null && !isMailAddress(user.mail())) {
            throw invalid("mail");
        }
        optionalName(user.givenName(), "givenName");
        optionalName(user.surname(), "surname");
        optionalName(user.jobTitle(), "jobTitle");
        optionalName(user.department(), "department");
    }

    /**
     * The rules of a create, for the properties a PATCH sets; displayName, userPrincipalName, accountEnabled and
     * passwordProfile cannot be cleared.
     */
    public static void validate(UserChanges changes) {
        if (changes.displayName() != null) {
            name(changes.displayName().orElseThrow(() -> invalid("displayName")), "displayName");
        }
        if (changes.userPrincipalName() != null) {
            userPrincipalName(changes.userPrincipalName().orElseThrow(() -> invalid("userPrincipalName")));
        }
        if (changes.accountEnabled() != null && changes.accountEnabled().isEmpty()) {
            throw invalid("accountEnabled");
        }
        if (changes.passwordProfile() != null) {
            passwordProfile(changes.passwordProfile().orElseThrow(() -> invalid("passwordProfile")));
        }
        if (changes.usageLocation() != null && changes.usageLocation().filter(u -> !isUsageLocation(u)).isPresent()) {
            throw invalid("usageLocation");
        }
        if (changes.mail() != null && changes.mail().filter(m -> !isMailAddress(m)).isPresent()) {
            throw invalid("mail");
        }
        optionalName(changes.givenName(), "givenName");
        optionalName(changes.surname(), "surname");
        optionalName(changes.jobTitle(), "jobTitle");
        optionalName(changes.department(), "department");
    }

    private static void optionalName(java.util.Optional<String> change, String property) {
        if (change != null) {
            change.ifPresent(value -> name(value, property));
        }
    }

    /** Upper-case ISO 3166-1 alpha-2, as Graph returns it and as licensing compares it. */
    static boolean isUsageLocation(String value) {
        return value.length() == 2 && value.equals(value.toUpperCase(Locale.ROOT)) && COUNTRIES.contains(value);
    }

    static boolean isMailAddress(String value) {
        int at = value.lastIndexOf('@');
        return at > 0 && value.indexOf('@') == at
                && ALIAS.matcher(value.substring(0, at)).matches()
                && DOMAIN.matcher(value.substring(at + 1)).matches();
    }

    private static void userPrincipalName(String upn) {
        if (!isMailAddress(upn)) {
            throw invalid("userPrincipalName");
        }
    }

    /** Entra ID's rule for a mailNickname, of a user or a group. */
    public static boolean isMailNickname(String value) {
        return MAIL_NICKNAME.matcher(value).matches();
    }

    private static void mailNickname(String value) {
        if (!isMailNickname(value)) {
            throw invalid("mailNickname");
        }
    }

    private static void passwordProfile(NewUser.PasswordProfile profile) {
        if (profile == null) {
            throw missing("passwordProfile");
        }
        String password = required(profile.password(), "passwordProfile.password");
        if (password.length() > MAX_PASSWORD_LENGTH) {
            throw invalid("passwordProfile.password");
        }
    }

    private static void name(String value, String property) {
        if (value.isBlank() || value.length() > MAX_NAME_LENGTH) {
            throw invalid(property);
        }
    }

    private static void optionalName(String value, String property) {
        if (value != null) {
            name(value, property);
        }
    }

    private static String required(String value, String property) {
        require(value, property);
        if (value.isEmpty()) {
            throw invalid(property);
        }
        return value;
    }

    private static void require(Object value, String property) {
        if (value == null) {
            throw missing(property);
        }
    }

    private static GraphException missing(String property) {
        return GraphException.badRequest("A value is required for property '" + property + "' of resource 'User'.");
    }

    static GraphException invalid(String property) {
        return GraphException.badRequest("Invalid value specified for property '" + property + "' of resource 'User'.");
    }
}
