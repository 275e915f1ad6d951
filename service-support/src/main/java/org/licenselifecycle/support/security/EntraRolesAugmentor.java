package org.licenselifecycle.support.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns the token's {@code wids} (directory role template ids) into the caller's security roles. */
@ApplicationScoped
public class EntraRolesAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        Object wids = token.getClaim("wids");
        if (wids instanceof JsonArray array) {
            array.getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .flatMap(id -> DirectoryRole.ofTemplateId(id).stream())
                    .forEach(role -> builder.addRole(role.roleName()));
        }
        return Uni.createFrom().item(builder.build());
    }
}
