package org.licenselifecycle.console.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.licenselifecycle.console.services.DirectoryClient;
import org.licenselifecycle.console.services.DirectoryClient.Tenant;
import org.licenselifecycle.console.services.ServiceError;
import org.licenselifecycle.console.signin.SignedInAdmin;

/**
 * The signed-in admin's tenant with the links of its own Microsoft 365 admin center (worldwide or operated by 21Vianet),
 * as directory-service answers them ({@code GET /api/v1/tenants/current}); the console holds no link of its own. A
 * tenant's cloud instance does not change, so the answer is kept per tenant; while directory cannot answer, pages show
 * no links rather than fail. Templates read it as {@code inject:adminCenter}.
 */
@ApplicationScoped
@Named("adminCenter")
public class AdminCenterLinks {

    private static final Logger LOG = Logger.getLogger(AdminCenterLinks.class);

    private final DirectoryClient directory;
    private final SignedInAdmin admin;
    private final Cache<String, Tenant> tenants = Caffeine.newBuilder().maximumSize(10_000).build();

    AdminCenterLinks(@RestClient DirectoryClient directory, SignedInAdmin admin) {
        this.directory = directory;
        this.admin = admin;
    }

    /** The signed-in admin's tenant with its admin-center links, or null while directory cannot say. */
    public Tenant tenant() {
        if (!admin.isSignedIn() || admin.tenantId() == null) {
            return null;
        }
        Tenant known = tenants.getIfPresent(admin.tenantId());
        if (known != null) {
            return known;
        }
        try {
            Tenant tenant = directory.currentTenant(admin.bearer());
            if (tenant != null && tenant.adminCenter() != null) {
                tenants.put(admin.tenantId(), tenant);
            }
            return tenant;
        } catch (ServiceError | ProcessingException e) {
            LOG.debugf("No admin-center links for tenant %s now: %s", admin.tenantId(), e.getMessage());
            return null;
        }
    }
}
