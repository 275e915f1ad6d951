package org.licenselifecycle.contract.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * The token tool's arguments (deploy/local/token): the role names it has always taken, its defaults, and several
 * tokens at once.
 */
class TokenToolTest {

    private static final String TENANT = "8f5b2c1e-4d3a-4e6f-9a7b-c0e1d2f3a4b5";

    @Test
    void theRolesKeepTheirNames() {
        // the audit log's reader roles (issue 15) came after the first six, the Groups Administrator (issue 16) last
        assertThat(TokenTool.ROLES.keySet()).containsExactly("global-admin", "license-admin", "user-admin",
                "global-reader", "billing-admin", "helpdesk-admin", "security-admin", "security-reader", "reports-reader",
                "directory-synchronization-accounts", "hybrid-identity-admin", "groups-admin", "none");
        assertThat(TokenTool.ROLES.values()).containsExactly(DirectoryRole.GLOBAL_ADMINISTRATOR,
                DirectoryRole.LICENSE_ADMINISTRATOR, DirectoryRole.USER_ADMINISTRATOR, DirectoryRole.GLOBAL_READER,
                DirectoryRole.BILLING_ADMINISTRATOR, DirectoryRole.HELPDESK_ADMINISTRATOR,
                DirectoryRole.SECURITY_ADMINISTRATOR, DirectoryRole.SECURITY_READER, DirectoryRole.REPORTS_READER,
                DirectoryRole.DIRECTORY_SYNCHRONIZATION_ACCOUNTS, DirectoryRole.HYBRID_IDENTITY_ADMINISTRATOR,
                DirectoryRole.GROUPS_ADMINISTRATOR, null);
        assertThat(TokenTool.USAGE).contains("global-admin|license-admin|user-admin|global-reader|billing-admin|helpdesk-admin"
                + "|security-admin|security-reader|reports-reader|directory-synchronization-accounts|hybrid-identity-admin|groups-admin|none");
    }

    @Test
    void aDelegatedTokenDefaultsToTheConsolesScopesAndClientId() {
        TokenTool.Arguments arguments = TokenTool.Arguments.parse(new String[] {"--tenant", TENANT, "--role", "license-admin"});

        assertThat(arguments.scopes()).isEqualTo(TokenMinter.ADMIN_CENTER_SCOPES);
        assertThat(arguments.app()).isEqualTo(TokenMinter.ADMIN_CENTER_CLIENT_ID);
        assertThat(arguments.role()).isEqualTo(DirectoryRole.LICENSE_ADMINISTRATOR);
        assertThat(arguments.hours()).isEqualTo(1);
    }

    @Test
    void helpIsNoTokenAndMalformedArgumentsAreRefused() {
        assertThat(TokenTool.Arguments.parse(new String[] {"--help"})).isNull();
        assertThatThrownBy(() -> TokenTool.Arguments.parse(new String[] {"--tenant", "1-2-3-4-5", "--role", "none"}))
                .hasMessage("--tenant must be a GUID, got 1-2-3-4-5");
        assertThatThrownBy(() -> TokenTool.Arguments.parse(new String[] {"--tenant", TENANT, "--role", "owner"}))
                .hasMessage("unknown role owner");
        assertThatThrownBy(() -> TokenTool.Arguments.parse(new String[] {"--tenant", TENANT, "--role", "none",
                "--scope", "User.Read\",\"x"})).hasMessageStartingWith("--scope must be a permission name");
    }

    @Test
    void severalTokensAreSeparatedByAndInTheirOrder() {
        String oid = "26eccacd-c607-40fb-b145-1d28dab69689";

        var tokens = TokenTool.Arguments.parseAll(new String[] {"--tenant", TENANT, "--role", "global-admin", "--hours", "12",
                "--and", "--tenant", TENANT, "--role", "user-admin", "--oid", oid});

        assertThat(tokens).extracting(TokenTool.Arguments::role)
                .containsExactly(DirectoryRole.GLOBAL_ADMINISTRATOR, DirectoryRole.USER_ADMINISTRATOR);
        assertThat(tokens).extracting(TokenTool.Arguments::hours).containsExactly(12L, 1L);
        assertThat(tokens.get(1).oid()).hasToString(oid);
        assertThat(TokenTool.Arguments.parseAll(new String[] {"--tenant", TENANT, "--role", "none"})).hasSize(1);
    }

    @Test
    void aMalformedTokenAmongSeveralIsNamedAndAStrayAndIsRefused() {
        assertThatThrownBy(() -> TokenTool.Arguments.parseAll(new String[] {"--tenant", TENANT, "--role", "none",
                "--and", "--tenant", TENANT, "--role", "owner"})).hasMessage("token 2: unknown role owner");
        assertThatThrownBy(() -> TokenTool.Arguments.parseAll(new String[] {"--tenant", TENANT, "--role", "none", "--and"}))
                .hasMessage("token 2: --and must stand between two tokens' options");
        assertThatThrownBy(() -> TokenTool.Arguments.parseAll(new String[] {"--and", "--tenant", TENANT, "--role", "none"}))
                .hasMessage("--and must stand between two tokens' options");
    }
}
