package org.licenselifecycle.directory.tenants;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hibernate.exception.ConstraintViolationException;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * Registers tenants with their default domain and cloud instance, and holds users' userPrincipalNames to
 * a registered tenant's domains. A tenant that was never registered keeps accepting any domain, so that
 * directories created before registration existed keep working.
 */
@ApplicationScoped
public class TenantService {

    static final String FOREIGN_DOMAIN = "The domain portion of the userPrincipalName property is invalid. You must"
            + " use one of the verified domain names in your organization.";

    /** Entra ID's initial domain name: letters and digits, up to 27 characters. */
    private static final Pattern DOMAIN_NAME = Pattern.compile("[a-z0-9]{1,27}");
    private static final int MAX_NAME_LENGTH = 256;

    private final Clock clock;

    TenantService(Clock clock) {
        this.clock = clock;
    }

    /**
     * Registers the caller's tenant.
     *
     * @throws GraphException 400 for an invalid body; 409 when the tenant is registered already or the
     *         domain belongs to another tenant
     */
    @Transactional
    public Tenant register(UUID tenantId, UUID createdBy, NewTenant request) {
        if (request == null) {
            throw GraphException.badRequest("The request body is empty; a tenant to register is required.");
        }
        if (request.displayName() == null || request.displayName().isBlank()
                || request.displayName().length() > MAX_NAME_LENGTH) {
            throw GraphException.badRequest("A displayName of 1 to 256 characters is required.");
        }
        if (request.domainName() == null || !DOMAIN_NAME.matcher(request.domainName()).matches()) {
            throw GraphException.badRequest("The domainName must be 1 to 27 lower-case letters or digits.");
        }
        CloudInstance instance = request.cloudInstance() == null ? CloudInstance.WORLDWIDE
                : CloudInstance.of(request.cloudInstance()).orElseThrow(() -> GraphException.badRequest(
                        "The cloudInstance must be 'worldwide' or '21Vianet'."));
        if (Tenant.findByIdOptional(tenantId).isPresent()) {
            throw GraphException.conflict(GraphErrorCodes.BAD_REQUEST, "The tenant is registered already.");
        }
        String domain = request.domainName() + instance.domainSuffix();
        if (Tenant.count("lower(defaultDomain) = ?1", domain.toLowerCase(Locale.ROOT)) > 0) {
            throw domainTaken(domain);
        }
        Tenant tenant = new Tenant();
        tenant.id = tenantId;
        tenant.displayName = request.displayName();
        tenant.defaultDomain = domain;
        tenant.cloudInstance = instance.value();
        tenant.createdBy = createdBy;
        tenant.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            tenant.persistAndFlush();
        } catch (ConstraintViolationException e) {
            // registered concurrently, under the same id or the same domain
            throw domainTaken(domain);
        }
        return tenant;
    }

    /** @throws GraphException 404 when the caller's tenant was never registered */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Tenant current(UUID tenantId) {
        return Tenant.<Tenant>findByIdOptional(tenantId).orElseThrow(() -> GraphException.notFound(tenantId.toString()));
    }

    /**
     * Refuses a userPrincipalName outside a registered tenant's domains, with Graph's message.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireOwnDomain(UUID tenantId, String userPrincipalName) {
        Optional<Tenant> tenant = Tenant.findByIdOptional(tenantId);
        if (tenant.isEmpty()) {
            return;
        }
        String domain = userPrincipalName.substring(userPrincipalName.lastIndexOf('@') + 1);
        if (tenant.get().domains().stream().noneMatch(domain::equalsIgnoreCase)) {
            throw GraphException.badRequest(FOREIGN_DOMAIN);
        }
    }

    private static GraphException domainTaken(String domain) {
        return GraphException.conflict(GraphErrorCodes.BAD_REQUEST,
                "The domain " + domain + " is already in use by another tenant, or the tenant is registered already.");
    }
}
