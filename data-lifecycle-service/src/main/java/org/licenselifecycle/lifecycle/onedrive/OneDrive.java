package org.licenselifecycle.lifecycle.onedrive;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.events.ServicePlan;

/**
 * A user's OneDrive for Business. A license with a SharePoint or OneDrive plan provisions it; removing a
 * license never changes it (its files go only when the user is deleted).
 */
@Entity
@Table(name = "onedrive")
public class OneDrive extends PanacheEntityBase {

    @Id
    public UUID userId;
    public UUID tenantId;
    public String userPrincipalName;
    @Enumerated(EnumType.STRING)
    public OneDriveState state;
    public String url;
    public Instant provisionedAt;
    public Instant updatedAt;
    @Version
    public long version;

    /** Whether a license with these enabled plans comes with OneDrive (SHAREPOINT* or ONEDRIVE* plans). */
    public static boolean includedIn(Collection<ServicePlan> servicePlans) {
        return servicePlans.stream()
                .map(plan -> plan.servicePlanName().toUpperCase(Locale.ROOT))
                .anyMatch(name -> name.startsWith("SHAREPOINT") || name.startsWith("ONEDRIVE"));
    }

    public static OneDrive provision(UUID tenantId, UUID userId, String userPrincipalName, Instant licensedAt,
            Instant now) {
        OneDrive oneDrive = new OneDrive();
        oneDrive.userId = userId;
        oneDrive.tenantId = tenantId;
        oneDrive.userPrincipalName = userPrincipalName;
        oneDrive.state = OneDriveState.ACTIVE;
        oneDrive.url = personalSiteUrl(userPrincipalName);
        oneDrive.provisionedAt = licensedAt;
        oneDrive.updatedAt = now;
        return oneDrive;
    }

    public static Optional<OneDrive> ofUser(UUID tenantId, UUID userId) {
        return find("userId = ?1 and tenantId = ?2", userId, tenantId).firstResultOptional();
    }

    /**
     * SharePoint's personal site address: {@code https://<tenant>-my.sharepoint.com/personal/<upn>}, the
     * tenant name being the first label of the UPN's domain and the UPN's dots and @ written as underscores.
     */
    static String personalSiteUrl(String userPrincipalName) {
        String upn = userPrincipalName.toLowerCase(Locale.ROOT);
        String domain = upn.substring(upn.indexOf('@') + 1);
        String tenantName = domain.split("\\.", 2)[0];
        return "https://" + tenantName + "-my.sharepoint.com/personal/" + upn.replace('.', '_').replace('@', '_');
    }
}
