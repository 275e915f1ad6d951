package org.licenselifecycle.directory.tenants;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered tenant: its name, default domain and cloud instance. */
@Entity
@Table(name = "tenants")
public class Tenant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Column(name = "default_domain", nullable = false, updatable = false)
    public String defaultDomain;

    @Column(name = "cloud_instance", nullable = false, updatable = false)
    public String cloudInstance;

    @Column(name = "created_by", nullable = false, updatable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public CloudInstance instance() {
        return CloudInstance.of(cloudInstance).orElseThrow();
    }

    /** The tenant's domains; only the default one until custom domains are added. */
    public List<String> domains() {
        return List.of(defaultDomain);
    }
}
