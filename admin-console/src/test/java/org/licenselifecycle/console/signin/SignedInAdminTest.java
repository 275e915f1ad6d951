package org.licenselifecycle.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * What the console offers a signed-in admin, by the roles of their token: the services' shared role sets, not a
 * copy ("You must be a Global, License, User admin to unassign licenses"; take-over is billing's).
 */
class SignedInAdminTest {

    @ParameterizedTest
    @EnumSource(DirectoryRole.class)
    void onlyGlobalLicenseAndUserAdminsAreOfferedToUnassign(DirectoryRole role) {
        assertThat(signedIn(role).canUnassign()).isEqualTo(EnumSet.of(DirectoryRole.GLOBAL_ADMINISTRATOR,
                DirectoryRole.LICENSE_ADMINISTRATOR, DirectoryRole.USER_ADMINISTRATOR).contains(role));
    }

    @ParameterizedTest
    @EnumSource(DirectoryRole.class)
    void onlyGlobalAndBillingAdminsAreOfferedToTakeOverAPurchase(DirectoryRole role) {
        assertThat(signedIn(role).canTakeOver()).isEqualTo(EnumSet.of(DirectoryRole.GLOBAL_ADMINISTRATOR,
                DirectoryRole.BILLING_ADMINISTRATOR).contains(role));
    }

    @Test
    void oneOfSeveralRolesIsEnoughAndNoRoleOffersNothing() {
        SignedInAdmin readerAndLicenseAdmin = signedIn(DirectoryRole.GLOBAL_READER, DirectoryRole.LICENSE_ADMINISTRATOR);
        SignedInAdmin nobody = signedIn();

        assertThat(readerAndLicenseAdmin.canUnassign()).isTrue();
        assertThat(readerAndLicenseAdmin.roleNames()).isEqualTo("License Administrator, Global Reader");
        assertThat(nobody.canUnassign()).isFalse();
        assertThat(nobody.canTakeOver()).isFalse();
        assertThat(nobody.roleNames()).isEqualTo("no admin role");
    }

    private static SignedInAdmin signedIn(DirectoryRole... roles) {
        SignedInAdmin admin = new SignedInAdmin();
        Set<DirectoryRole> held = roles.length == 0 ? EnumSet.noneOf(DirectoryRole.class) : EnumSet.of(roles[0], roles);
        admin.signIn("token", new TokenClaims("tenant", "object", "Megan Bowen", held, Instant.MAX));
        return admin;
    }
}
