package org.licenselifecycle.lifecycle.onedrive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A tenant's OneDrive retention for deleted users and its secondary owner; absent means the defaults. */
@Entity
@Table(name = "tenant_onedrive_settings")
public class OneDriveSettings extends PanacheEntityBase {

    public static final int DEFAULT_RETENTION_DAYS = 30;
    public static final int MIN_RETENTION_DAYS = 30;
    public static final int MAX_RETENTION_DAYS = 3650;

    @Id
    public UUID tenantId;
    public int retentionDays;
    public UUID secondaryOwnerId;
    public Instant updatedAt;
    @Version
    public long version;

    /** The tenant's settings, or the defaults (30 days, no secondary owner) when none were set. */
    public static OneDriveSettings of(UUID tenantId) {
        OneDriveSettings settings = findById(tenantId);
        if (settings == null) {
            settings = new OneDriveSettings();
            settings.tenantId = tenantId;
            settings.retentionDays = DEFAULT_RETENTION_DAYS;
        }
        return settings;
    }
}
