package org.licenselifecycle.directory.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A security group of one tenant's directory (Graph's {@code microsoft.graph.group} with {@code securityEnabled} true
 * and {@code mailEnabled} false): its members ({@link GroupMember}) inherit the licenses licensing-service gives it.
 */
@Entity
@Table(name = "groups")
public class Group {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    public String description;

    @Column(name = "mail_nickname", nullable = false)
    public String mailNickname;

    /**
     * Mastered in on-premises Active Directory (set by directory synchronization): only the sync may change it
     * ({@link org.licenselifecycle.directory.users.OnPremisesMastered}).
     */
    @Column(name = "on_premises_sync_enabled", nullable = false)
    public boolean onPremisesSyncEnabled;

    /** The group's on-premises anchor (Entra Connect's sourceAnchor), unique in the tenant; null for a cloud group. */
    @Column(name = "on_premises_immutable_id")
    public String onPremisesImmutableId;

    /** When the sync last changed the group; null for a cloud group. */
    @Column(name = "on_premises_last_sync_at")
    public Instant onPremisesLastSyncAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The time (ce_time) of the latest GroupLicensesChanged applied; null before the first. */
    @Column(name = "licenses_changed_at")
    public Instant licensesChangedAt;
}
