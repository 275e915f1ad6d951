package org.licenselifecycle.console.signin;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.licenselifecycle.console.ConsoleConfig;

/**
 * Refuses to start the console with its demo sign-in under any profile but {@code dev}, {@code test} and
 * {@code local}: the demo sign-in lets whoever reaches the page in as any of the demo tenant's admins, without a
 * password, so it belongs on a developer's machine (or behind {@code kubectl port-forward}), never where users
 * reach it. The services refuse the development key under the same profiles (service-support's
 * DevelopmentKeyGuard; the console does not depend on service-support, which brings a database and Kafka).
 */
@ApplicationScoped
public class DemoSignInGuard {

    /** The profiles of a developer's machine and of the tests, as the services name them. */
    static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "test", "local");

    void refuseDemoSignInOutsideDevelopment(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started,
            ConsoleConfig config) {
        List<String> profiles = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles();
        problem(profiles, config.demoSignIn().enabled()).ifPresent(problem -> {
            // Quarkus prints a ConfigurationException's message alone, without a stack trace, and exits with 1
            throw new ConfigurationException(problem);
        });
    }

    /** Why the console may not start with these profiles and this demo sign-in setting, if it may not. */
    static Optional<String> problem(Collection<String> profiles, boolean demoSignInEnabled) {
        if (!demoSignInEnabled || profiles.stream().anyMatch(DEVELOPMENT_PROFILES::contains)) {
            return Optional.empty();
        }
        return Optional.of("Refusing to start under profile " + String.join(",", profiles) + ": the demo sign-in"
                + " (console.demo-sign-in.enabled) lets anyone who reaches the console in as an admin, with tokens"
                + " signed by a development key. It runs only under the dev, local and test profiles: remove"
                + " CONSOLE_DEMO_SIGN_IN_ENABLED and sign in with OpenID Connect (QUARKUS_OIDC_AUTH_SERVER_URL,"
                + " QUARKUS_OIDC_CLIENT_ID, QUARKUS_OIDC_CREDENTIALS_SECRET), or run with QUARKUS_PROFILE=local on a"
                + " developer's machine.");
    }
}
