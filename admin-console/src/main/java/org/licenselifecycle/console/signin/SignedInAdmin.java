package org.licenselifecycle.console.signin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The admin signed in for this request: their access token (forwarded to the services), object id, name
 * and roles. Templates read it as {@code inject:admin}.
 */
@RequestScoped
@Named("admin")
public class SignedInAdmin {

    private String token;
    private String objectId;
    private String name;
    private Set<AdminRole> roles = EnumSet.noneOf(AdminRole.class);

    void signIn(String token, TokenClaims claims) {
        this.token = token;
        this.objectId = claims.objectId();
        this.name = claims.name();
        this.roles = claims.roles();
    }

    public boolean isSignedIn() {
        return token != null;
    }

    /** The value of the Authorization header the services expect. */
    public String bearer() {
        return "Bearer " + token;
    }

    public String objectId() {
        return objectId;
    }

    public String name() {
        return name != null ? name : objectId;
    }

    public String roleNames() {
        return roles.isEmpty() ? "no admin role"
                : roles.stream().map(AdminRole::displayName).collect(Collectors.joining(", "));
    }

    public boolean canUnassign() {
        return roles.stream().anyMatch(AdminRole::unassigns);
    }

    public boolean canTakeOver() {
        return roles.stream().anyMatch(AdminRole::takesOver);
    }
}
