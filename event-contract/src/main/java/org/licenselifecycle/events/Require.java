package org.licenselifecycle.events;

import java.util.List;

/**
 * The rules the schemas state, applied when a record is made: by a producer before it writes the event,
 * by a consumer as it reads one (where a broken event becomes a {@link MalformedEventException}).
 */
final class Require {

    private Require() {
    }

    static <T> T present(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    static String text(String value, String field) {
        if (present(value, field).isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static String userPrincipalName(String value) {
        int at = text(value, "userPrincipalName").indexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw new IllegalArgumentException("userPrincipalName is not alias@domain: " + value);
        }
        return value;
    }

    /** An immutable copy; a null list or a null element is refused. */
    static <T> List<T> list(List<T> value, String field) {
        try {
            return List.copyOf(present(value, field));
        } catch (NullPointerException e) {
            throw new IllegalArgumentException(field + " must not contain null", e);
        }
    }
}
