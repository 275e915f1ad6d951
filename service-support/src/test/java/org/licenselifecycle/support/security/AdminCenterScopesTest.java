package org.licenselifecycle.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.tokens.TokenMinter;
import org.licenselifecycle.testsupport.DevTokens;

/**
 * The admin center's sign-in is granted one scope of every operation, so that an admin's token does what the admin's
 * role may; and the one list of them (TokenMinter's) is what the console, the token tool and the tests grant.
 */
class AdminCenterScopesTest {

    /** A Graph permission name: dotted words, e.g. User.ReadWrite.All. */
    private static final Pattern PERMISSION = Pattern.compile("[A-Za-z]+(?:\\.[A-Za-z]+)+");

    @Test
    void theAdminCentersScopesReachEveryOperation() {
        assertThat(Operations.names()).allSatisfy(operation -> assertThat(Operations.rule(operation).scopes())
                .as(operation).containsAnyElementsOf(DevTokens.ADMIN_CENTER_SCOPES));
    }

    @Test
    void everyAdminCenterScopeIsAGraphPermissionTheServicesKnow() throws IllegalAccessException {
        // the minter writes them as strings (it is JDK only); GraphPermission names them for the services
        List<Object> known = new ArrayList<>();
        for (Field field : GraphPermission.class.getFields()) {
            known.add(field.get(null));
        }

        assertThat(DevTokens.ADMIN_CENTER_SCOPES).isNotEmpty().allSatisfy(scope -> assertThat(known).contains(scope));
    }

    @Test
    void theConsoleAndTheTokenToolGrantTheSameScopes() throws IOException {
        // one list, TokenMinter's: the console's default names it (@WithDefault(TokenMinter.ADMIN_CENTER_SCOPE_NAMES)),
        // the token tool and DevTokens use it
        String console = Files.readString(find("admin-console/src/main/java/org/licenselifecycle/console/ConsoleConfig.java"));
        String tool = Files.readString(find("graph-contract/src/main/java/org/licenselifecycle/contract/tokens/TokenTool.java"));
        List<String> minter = permissionsIn("graph-contract/src/main/java/org/licenselifecycle/contract/tokens/TokenMinter.java",
                "ADMIN_CENTER_SCOPE_NAMES = ", "ADMIN_CENTER_SCOPE_NAMES = ".length(), ";");

        assertThat(console).contains("@WithDefault(TokenMinter.ADMIN_CENTER_SCOPE_NAMES)\n        List<String> scopes()");
        assertThat(tool).contains("TokenMinter.ADMIN_CENTER_SCOPES");
        assertThat(DevTokens.ADMIN_CENTER_SCOPES).isSameAs(TokenMinter.ADMIN_CENTER_SCOPES);
        assertThat(minter).containsExactlyElementsOf(DevTokens.ADMIN_CENTER_SCOPES);
    }

    /** The permission names written in a project file from {@code skip} characters after {@code from} up to {@code to}. */
    private static List<String> permissionsIn(String file, String from, int skip, String to) throws IOException {
        String text = Files.readString(find(file));
        int start = text.indexOf(from);
        Matcher matcher = PERMISSION.matcher(text.substring(start + skip, text.indexOf(to, start)));
        List<String> permissions = new ArrayList<>();
        while (matcher.find()) {
            permissions.add(matcher.group());
        }
        return permissions;
    }

    private static Path find(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        throw new IllegalStateException(relative + " not found");
    }
}
