package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.support.security.Operations;
import org.licenselifecycle.testsupport.DevTokens;

/**
 * The admin center's sign-in is granted one scope of every operation, so that an admin's token does what the admin's
 * role may; and the three token minters (known duplicate K11) grant the same scopes.
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
    void theConsoleAndTheTokenToolGrantTheSameScopes() throws IOException {
        // the console's default, @WithDefault("User.Read,..." + "..."), and the tool's List.of("User.Read", ...)
        List<String> console = permissionsIn("admin-console/src/main/java/org/licenselifecycle/console/ConsoleConfig.java",
                "@WithDefault(\"User.Read,", "@WithDefault(".length(), "List<String> scopes()");
        List<String> tool = permissionsIn("deploy/local/DevToken.java", "CONSOLE_SCOPES = List.of(",
                "CONSOLE_SCOPES = List.of(".length(), ");");

        assertThat(console).containsExactlyElementsOf(DevTokens.ADMIN_CENTER_SCOPES);
        assertThat(tool).containsExactlyElementsOf(DevTokens.ADMIN_CENTER_SCOPES);
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
