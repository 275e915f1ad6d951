package org.licenselifecycle.events;

/** Why a license left a user. */
public enum RemovalReason {
    /** An admin unassigned it (Licenses page, Active users, Graph assignLicense). */
    UNASSIGNED,
    /** The user was deleted, which frees every license at once. */
    USER_DELETED,
    /**
     * The subscription it came from was deleted at the end of its life (Expired, Disabled, Deleted), and no other
     * subscription of the product holds it. Added later: on the wire such an event says {@code UNASSIGNED} in
     * {@code reason}, which consumers written before know how to apply (the user stays, the license goes), and
     * names the subscription in {@code deletedSubscriptionId}; {@link LicenseRemoved#cause()} reads both back as this.
     */
    SUBSCRIPTION_DELETED,
    /**
     * The user no longer inherits it (left the group, or the group no longer gives the product), and neither a direct
     * assignment nor another group still gives it. Added later, as {@link #SUBSCRIPTION_DELETED} was: on the wire
     * {@code UNASSIGNED}, with the group in {@code noLongerInheritedFrom}; {@link LicenseRemoved#cause()} reads both
     * back as this.
     */
    NO_LONGER_INHERITED
}
