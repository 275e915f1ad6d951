package org.licenselifecycle.directory.users;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A user of one tenant's directory: an entry of Active users, or of deleted items once deleted (soft)
 * until the purge. The password is held only as a bcrypt hash and never leaves this service.
 */
@Entity
@Table(name = "users")
public class User {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "user_principal_name", nullable = false)
    public String userPrincipalName;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "given_name")
    public String givenName;

    public String surname;

    public String mail;

    @Column(name = "mail_nickname", nullable = false)
    public String mailNickname;

    @Column(name = "usage_location")
    public String usageLocation;

    @Column(name = "account_enabled", nullable = false)
    public boolean accountEnabled;

    @Column(name = "job_title")
    public String jobTitle;

    public String department;

    @Column(name = "password_hash", nullable = false)
    public String passwordHash;

    @Column(name = "force_change_password_next_sign_in", nullable = false)
    public boolean forceChangePasswordNextSignIn;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Mastered in on-premises Active Directory: only the sync may edit or delete the account. */
    @Column(name = "on_premises_sync_enabled", nullable = false)
    public boolean onPremisesSyncEnabled;

    /**
     * The on-premises anchor (Entra Connect's sourceAnchor, Graph's {@code onPremisesImmutableId}) of a user the
     * directory synchronization wrote; unique in the tenant, null for a cloud account.
     */
    @Column(name = "on_premises_immutable_id")
    public String onPremisesImmutableId;

    /** When the synchronization last changed the user; null for a cloud account. */
    @Column(name = "on_premises_last_sync_at")
    public Instant onPremisesLastSyncAt;

    /** On-premises AD's sAMAccountName, distinguished name and DNS domain, as the synchronization last wrote them. */
    @Column(name = "on_premises_sam_account_name")
    public String onPremisesSamAccountName;

    @Column(name = "on_premises_distinguished_name")
    public String onPremisesDistinguishedName;

    @Column(name = "on_premises_domain_name")
    public String onPremisesDomainName;

    /** The user's manager, a user of the same tenant; null when none. */
    @Column(name = "manager_id")
    public UUID managerId;

    /** When the user was moved to deleted items; null while the user is active. */
    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The admin who deleted the user; null for an active user or a deletion by the system. */
    @Column(name = "deleted_by")
    public UUID deletedBy;

    /** When the purge removes the deleted user for good; null while the user is active. */
    @Column(name = "purge_after")
    public Instant purgeAfter;

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
