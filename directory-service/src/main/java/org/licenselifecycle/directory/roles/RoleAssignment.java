package org.licenselifecycle.directory.roles;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One admin role held by one user of a tenant, by Entra ID's role template id, over the whole directory
 * ({@code "/"}). A purged user's assignments go with them.
 */
@Entity
@Table(name = "role_assignments")
public class RoleAssignment {

    /** The only scope this directory knows: the whole tenant. */
    public static final String TENANT_SCOPE = "/";

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "principal_id", nullable = false, updatable = false)
    public UUID principalId;

    @Column(name = "role_definition_id", nullable = false, updatable = false)
    public UUID roleDefinitionId;

    @Column(name = "directory_scope_id", nullable = false, updatable = false)
    public String directoryScopeId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
