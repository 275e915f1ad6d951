package org.licenselifecycle.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event of the contract with its CloudEvents type, topic, version and JSON schema.
 * A change to an event's shape that old consumers cannot read gets a new version, never an edit.
 */
public enum EventType {
    USER_CREATED("UserCreated", "directory", Topics.USER_EVENTS, UserCreated.class),
    USER_UPDATED("UserUpdated", "directory", Topics.USER_EVENTS, UserUpdated.class),
    USER_DELETED("UserDeleted", "directory", Topics.USER_EVENTS, UserDeleted.class),
    USER_RESTORED("UserRestored", "directory", Topics.USER_EVENTS, UserRestored.class),
    USER_PURGED("UserPurged", "directory", Topics.USER_EVENTS, UserPurged.class),
    USER_LICENSES_RELEASE_REQUESTED("UserLicensesReleaseRequested", "directory", Topics.USER_EVENTS,
            UserLicensesReleaseRequested.class),
    GROUP_MEMBERSHIP_CHANGED("GroupMembershipChanged", "directory", Topics.USER_EVENTS, GroupMembershipChanged.class),
    LICENSE_ASSIGNED("LicenseAssigned", "licensing", Topics.LICENSE_EVENTS, LicenseAssigned.class),
    LICENSE_REMOVED("LicenseRemoved", "licensing", Topics.LICENSE_EVENTS, LicenseRemoved.class),
    GROUP_LICENSES_CHANGED("GroupLicensesChanged", "licensing", Topics.LICENSE_EVENTS, GroupLicensesChanged.class),
    LICENSE_ASSIGNMENT_STATES_CHANGED("LicenseAssignmentStatesChanged", "licensing", Topics.LICENSE_EVENTS,
            LicenseAssignmentStatesChanged.class),
    DIRECTORY_AUDIT_RECORDED("DirectoryAuditRecorded", "audit", Topics.AUDIT_EVENTS, DirectoryAuditRecorded.class);

    /** The version of every event type in this release of the contract. */
    public static final int VERSION = 1;

    private final String eventName;
    private final String domain;
    private final String topic;
    private final Class<? extends Record> dataClass;

    EventType(String eventName, String domain, String topic, Class<? extends Record> dataClass) {
        this.eventName = eventName;
        this.domain = domain;
        this.topic = topic;
        this.dataClass = dataClass;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code org.licenselifecycle.licensing.LicenseRemoved.v1}. */
    public String ceType() {
        return "org.licenselifecycle." + domain + "." + eventName + ".v" + VERSION;
    }

    public String eventName() {
        return eventName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> dataClass() {
        return dataClass;
    }

    /** Classpath location of this event's JSON schema. */
    public String schemaResource() {
        return "schemas/v" + VERSION + "/" + eventName + ".json";
    }

    /** Every record a consumer takes is looked up here: by a map, not by building each type's name again. */
    private static final Map<String, EventType> BY_CE_TYPE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    public static Optional<EventType> fromCeType(String ceType) {
        return Optional.ofNullable(ceType == null ? null : BY_CE_TYPE.get(ceType));
    }

    public static EventType of(Record data) {
        return Arrays.stream(values())
                .filter(t -> t.dataClass.equals(data.getClass()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not an event of the contract: " + data.getClass()));
    }
}
