package org.licenselifecycle.directory.users;

import java.util.List;

/**
 * Graph's {@code $search} on users: the users any of the groups finds, a group finding the users that match each
 * of its clauses ({@code "a" AND "b" OR "c"} is {@code (a and b) or c}). A clause on {@code displayName} matches
 * as Entra ID's tokenized search does: every word of the text begins a word of the name, in any order, whatever
 * the case (the words: the {@code search_words} function of the database); on another property it matches a
 * value that starts with the text.
 */
public record UserSearch(List<List<Clause>> anyOf) {

    public static final UserSearch NONE = new UserSearch(List.of());

    public UserSearch {
        anyOf = anyOf.stream().map(List::copyOf).toList();
    }

    public boolean isEmpty() {
        return anyOf.isEmpty();
    }

    public record Clause(Property property, String text) {
    }

    /** The properties a search may name. */
    public enum Property {
        DISPLAY_NAME, USER_PRINCIPAL_NAME, MAIL, MAIL_NICKNAME, GIVEN_NAME, SURNAME
    }
}
