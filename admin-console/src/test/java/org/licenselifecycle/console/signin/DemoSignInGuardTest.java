package org.licenselifecycle.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo sign-in runs only under the development profiles; anywhere else the console refuses to start. */
class DemoSignInGuardTest {

    @Test
    void theDemoSignInUnderTheProdProfileRefusesTheStartSayingWhatToConfigure() {
        assertThat(DemoSignInGuard.problem(List.of("prod"), true)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("profile prod", "console.demo-sign-in.enabled", "CONSOLE_DEMO_SIGN_IN_ENABLED",
                        "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_PROFILE=local"));
        assertThat(DemoSignInGuard.problem(List.of("staging"), true)).as("any profile but dev, test and local").isPresent();
    }

    @Test
    void theDemoSignInStartsUnderTheDevelopmentProfiles() {
        for (String profile : List.of("dev", "test", "local")) {
            assertThat(DemoSignInGuard.problem(List.of(profile), true)).as(profile).isEmpty();
        }
    }

    @Test
    void withoutTheDemoSignInTheConsoleStartsUnderAnyProfile() {
        assertThat(DemoSignInGuard.problem(List.of("prod"), false)).isEmpty();
    }
}
