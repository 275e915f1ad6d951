package org.licenselifecycle.directory.licenses;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;

/**
 * A user's license assignment states as licensing-service last stated them (its read model here, Graph's
 * {@code licenseAssignmentStates}): the latest LicenseAssignmentStatesChanged, kept whole.
 */
@Entity
@Immutable // written only by UserLicenses, in one statement per event
@Table(name = "user_license_states")
public class UserLicenseStates {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    /** The event as the contract writes it. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String latest;

    /** The time (ce_time) of {@link #latest}: an older event changes nothing. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public LicenseAssignmentStatesChanged states() {
        return EventJson.read(latest, LicenseAssignmentStatesChanged.class);
    }
}
