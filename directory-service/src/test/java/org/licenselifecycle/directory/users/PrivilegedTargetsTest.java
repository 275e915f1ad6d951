package org.licenselifecycle.directory.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.directory.users.PrivilegedTargets.Action;
import org.licenselifecycle.contract.roles.DirectoryRole;

/** What the HTTP matrix (PrivilegedTargetsMatrixTest) cannot reach: roles the API never assigns, and PATCH bodies. */
class PrivilegedTargetsTest {

    private static final Set<DirectoryRole> USER_ADMIN = EnumSet.of(DirectoryRole.USER_ADMINISTRATOR);
    private static final Set<DirectoryRole> GLOBAL_ADMIN = EnumSet.of(DirectoryRole.GLOBAL_ADMINISTRATOR);

    @Test
    void aRoleThisDirectoryDoesNotKnowIsManagedByAGlobalAdministratorOnly() {
        List<UUID> privilegedRoleAdministrator = List.of(UUID.fromString("e8611ab8-c189-46e8-94e1-60213ab1f814"));

        for (Action action : Action.values()) {
            assertThat(PrivilegedTargets.allows(USER_ADMIN, privilegedRoleAdministrator, action)).isFalse();
            assertThat(PrivilegedTargets.allows(EnumSet.of(DirectoryRole.HELPDESK_ADMINISTRATOR),
                    privilegedRoleAdministrator, action)).isFalse();
            assertThat(PrivilegedTargets.allows(GLOBAL_ADMIN, privilegedRoleAdministrator, action)).isTrue();
        }
    }

    @Test
    void aCallerWithoutAnAdminRoleActsOnNoOne() {
        for (Action action : Action.values()) {
            assertThat(PrivilegedTargets.allows(EnumSet.noneOf(DirectoryRole.class), List.of(), action)).isFalse();
        }
    }

    @Test
    void aPasswordAloneIsAResetAndAnythingMoreIsManagingTheUser() {
        Optional<NewUser.PasswordProfile> password = Optional.of(new NewUser.PasswordProfile("Pa55-word!x", null));
        UserChanges reset = new UserChanges(null, null, null, null, null, null, null, null, null, password);
        UserChanges resetAndRename = new UserChanges(Optional.of("Renamed"), null, null, null, null, null, null, null,
                null, password);
        UserChanges nothing = new UserChanges(null, null, null, null, null, null, null, null, null, null);

        assertThat(PrivilegedTargets.actionsFor(reset)).containsExactly(Action.RESET_PASSWORD);
        assertThat(PrivilegedTargets.actionsFor(resetAndRename)).containsExactlyInAnyOrder(Action.MANAGE,
                Action.RESET_PASSWORD);
        assertThat(PrivilegedTargets.actionsFor(UserChanges.accountEnabled(false))).containsExactly(Action.MANAGE);
        assertThat(PrivilegedTargets.actionsFor(nothing)).containsExactly(Action.MANAGE);
    }
}
