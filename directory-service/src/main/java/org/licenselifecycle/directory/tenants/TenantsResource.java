package org.licenselifecycle.directory.tenants;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Tenants (admin API). Registration is self-service sign-up: the identity provider has issued the new
 * tenant's first Global Administrator a token whose {@code tid} is the new tenant's id, and that admin
 * registers it ({@code POST /api/v1/tenants}); no one can register another tenant. Any member reads their
 * own tenant with the admin-center links of its cloud instance ({@code GET /api/v1/tenants/current}).
 */
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantsResource {

    /** A tenant as the API answers it, with the admin-center links that apply to its cloud instance. */
    public record TenantView(String id, String displayName, String defaultDomain, List<String> domains,
            CloudInstance cloudInstance, AdminCenter adminCenter) {

        static TenantView of(Tenant tenant) {
            CloudInstance instance = tenant.instance();
            return new TenantView(tenant.id.toString(), tenant.displayName, tenant.defaultDomain, tenant.domains(),
                    instance, new AdminCenter(instance.licensesPage(), instance.activeUsersPage()));
        }
    }

    /** Billing > Licenses and Users > Active users of the tenant's admin center. */
    public record AdminCenter(String licensesPage, String activeUsersPage) {
    }

    private final TenantService tenants;
    private final Caller caller;

    TenantsResource(TenantService tenants, Caller caller) {
        this.tenants = tenants;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.REGISTER_TENANT)
    public Response register(NewTenant request, @Context UriInfo uri) {
        Tenant tenant = tenants.register(caller.tenantId(), caller.objectId(), request);
        return Response.created(uri.getBaseUriBuilder().path("api/v1/tenants/current").build())
                .entity(TenantView.of(tenant)).build();
    }

    @GET
    @Path("current")
    @PermissionsAllowed(Operations.READ_TENANT)
    public TenantView current() {
        return TenantView.of(tenants.current(caller.tenantId()));
    }
}
