package org.licenselifecycle.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;

/** Reading tokens as Entra ID issues them, claim by claim (smallrye-jwt hands JSON arrays over as JsonArray). */
class GrantTest {

    @Test
    void anAppOnlyTokenGrantsItsRolesAsApplicationPermissionsAndNoScopes() {
        Grant grant = Grant.of(token(Map.of("idtyp", "app", "azp", "app-1",
                "roles", Json.createArrayBuilder().add("User.Read.All").add("LicenseAssignment.ReadWrite.All").build())));

        assertThat(grant.appOnly()).isTrue();
        assertThat(grant.applicationPermissions()).containsExactlyInAnyOrder("User.Read.All",
                "LicenseAssignment.ReadWrite.All");
        assertThat(grant.scopes()).isEmpty();
        assertThat(grant.directoryRoles()).isEmpty();
        assertThat(grant.applicationId()).contains("app-1");
    }

    @Test
    void aDelegatedTokenGrantsItsSpaceSeparatedScopesAndTheUsersRolesButNotItsAppRoles() {
        Grant grant = Grant.of(token(Map.of("scp", "User.Read  LicenseAssignment.ReadWrite.All", "appid", "app-2",
                "roles", Json.createArrayBuilder().add("User.ReadWrite.All").build(),
                "wids", Json.createArrayBuilder().add(DirectoryRole.LICENSE_ADMINISTRATOR.templateId())
                        .add("b79fbf4d-3ef9-4689-8143-76b194e85509").build())));

        assertThat(grant.appOnly()).isFalse();
        assertThat(grant.scopes()).containsExactlyInAnyOrder("User.Read", "LicenseAssignment.ReadWrite.All");
        // in a delegated token, roles are app roles assigned to the user: never application permissions
        assertThat(grant.applicationPermissions()).isEmpty();
        // a role this system does not know (here "Default user") is no role here
        assertThat(grant.directoryRoles()).containsExactly(DirectoryRole.LICENSE_ADMINISTRATOR);
        assertThat(grant.applicationId()).contains("app-2");
    }

    @Test
    void aTokenWithoutScpOrIdtypIsAnApplicationsAndAServicePrincipalMayHoldRoles() {
        Grant grant = Grant.of(token(Map.of("roles", Json.createArrayBuilder().add("User.ReadWrite.All").build(),
                "wids", Json.createArrayBuilder().add(DirectoryRole.USER_ADMINISTRATOR.templateId()).build())));

        assertThat(grant.appOnly()).isTrue();
        assertThat(grant.applicationPermissions()).containsExactly("User.ReadWrite.All");
        assertThat(grant.directoryRoles()).containsExactly(DirectoryRole.USER_ADMINISTRATOR);
        assertThat(grant.applicationId()).isEmpty();
    }

    @Test
    void aUserTokenThatSaysSoButHasNoScopesIsGrantedNothing() {
        Grant grant = Grant.of(token(Map.of("idtyp", "user",
                "wids", Json.createArrayBuilder().add(DirectoryRole.GLOBAL_ADMINISTRATOR.templateId()).build())));

        assertThat(grant.appOnly()).isFalse();
        assertThat(grant.scopes()).isEmpty();
        assertThat(Operations.names()).noneMatch(operation -> Operations.allows(operation, grant));
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        Map<String, Object> all = new HashMap<>(claims);
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "caller";
            }

            @Override
            public Set<String> getClaimNames() {
                return all.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                Object value = all.get(claimName);
                return (T) (value instanceof String text ? Json.createValue(text) : value);
            }
        };
    }

    static Grant delegated(Set<String> scopes, DirectoryRole... roles) {
        return new Grant(false, scopes, Set.of(), Set.of(roles), Optional.of("app"));
    }

    static Grant appOnly(Set<String> permissions, DirectoryRole... roles) {
        return new Grant(true, Set.of(), permissions, Set.of(roles), Optional.of("app"));
    }

}
