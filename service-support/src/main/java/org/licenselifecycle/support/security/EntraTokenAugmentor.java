package org.licenselifecycle.support.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Reads what the caller's token grants ({@link Grant}: app-only or delegated, {@code roles}, {@code scp},
 * {@code wids}) and lets it answer {@code @PermissionsAllowed(Operations.X)}: every operation a resource serves is
 * allowed or refused here, by the rules of {@link Operations}. A refusal is Quarkus' ForbiddenException, which
 * GraphErrorMapper renders as Graph's 403 {@code Authorization_RequestDenied}.
 */
@ApplicationScoped
public class EntraTokenAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Grant grant = Grant.of(token);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Grant.ATTRIBUTE, grant)
                .addPermissionChecker(permission -> Uni.createFrom().item(Operations.allows(permission.getName(), grant)))
                .build());
    }
}
