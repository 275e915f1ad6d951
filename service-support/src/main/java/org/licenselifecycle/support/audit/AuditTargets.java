package org.licenselifecycle.support.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.licenselifecycle.events.DirectoryAuditRecorded.ModifiedProperty;
import org.licenselifecycle.events.DirectoryAuditRecorded.Target;

/**
 * The objects an audit entry names ({@code targetResources}) and their changed properties, written as Entra
 * writes them: a property's old and new value as JSON arrays of strings ({@code ["Adele Vance"]}, {@code []} for
 * none).
 */
public final class AuditTargets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AuditTargets() {
    }

    /** A user, with the properties the activity changed. */
    public static Target user(UUID id, String displayName, String userPrincipalName, List<ModifiedProperty> changed) {
        return new Target(id.toString(), displayName, "User", userPrincipalName, changed);
    }

    /** A group, with the properties the activity changed. */
    public static Target group(UUID id, String displayName, List<ModifiedProperty> changed) {
        return new Target(id.toString(), displayName, "Group", null, changed);
    }

    /** A subscription (Graph's companySubscription), with the properties the activity changed. */
    public static Target subscription(UUID id, String displayName, List<ModifiedProperty> changed) {
        return new Target(id.toString(), displayName, "Subscription", null, changed);
    }

    /**
     * A property that changed, or null when {@code oldValue} and {@code newValue} are equal (nothing to record).
     * A collection becomes a JSON array of its elements' text; any other value an array of one; null an empty one.
     */
    public static ModifiedProperty changed(String name, Object oldValue, Object newValue) {
        String before = values(oldValue);
        String after = values(newValue);
        return before.equals(after) ? null : new ModifiedProperty(name, before, after);
    }

    /** The non-null ones of {@code properties} (those {@link #changed} found changed). */
    public static List<ModifiedProperty> only(ModifiedProperty... properties) {
        return java.util.Arrays.stream(properties).filter(Objects::nonNull).toList();
    }

    private static String values(Object value) {
        List<String> texts = value == null ? List.of()
                : value instanceof Collection<?> many ? many.stream().map(String::valueOf).toList()
                : List.of(String.valueOf(value));
        try {
            return JSON.writeValueAsString(texts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of strings is always JSON", e);
        }
    }
}
