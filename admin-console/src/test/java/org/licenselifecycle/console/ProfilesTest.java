package org.licenselifecycle.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * The console's application.properties read as each profile reads it: production signs in with OpenID
 * Connect and has no demo sign-in; the dev, local and test profiles have the demo sign-in and no OIDC.
 */
class ProfilesTest {

    @Test
    void productionSignsInWithOpenIdConnectAndHasNoDemoSignIn() throws IOException {
        SmallRyeConfig prod = config("prod");
        assertThat(prod.getOptionalValue("console.demo-sign-in.enabled", Boolean.class)).isEmpty();
        assertThat(prod.getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(true)).isTrue();
        assertThat(prod.getValue("quarkus.oidc.application-type", String.class)).isEqualTo("web-app");
        assertThat(prod.getValue("quarkus.http.auth.permission.signed-in.policy", String.class)).isEqualTo("authenticated");
        assertThat(prod.getValue("quarkus.http.auth.permission.signed-in.paths", String.class)).isEqualTo("/*");
    }

    @Test
    void devLocalAndTestHaveTheDemoSignInAndNoOpenIdConnect() throws IOException {
        for (String profile : new String[] {"dev", "local", "test"}) {
            SmallRyeConfig config = config(profile);
            assertThat(config.getValue("console.demo-sign-in.enabled", Boolean.class)).as(profile).isTrue();
            assertThat(config.getValue("quarkus.oidc.tenant-enabled", Boolean.class)).as(profile).isFalse();
        }
    }

    @Test
    void productionCookiesAreSecureAndHttpOnlyAndPlainHttpOnADevelopersMachineStillWorks() throws IOException {
        SmallRyeConfig prod = config("prod");
        assertThat(prod.getValue("console.secure-cookies", Boolean.class)).isTrue();
        assertThat(prod.getValue("quarkus.rest-csrf.cookie-force-secure", Boolean.class)).isTrue();
        assertThat(prod.getValue("quarkus.oidc.authentication.cookie-force-secure", Boolean.class)).isTrue();
        assertThat(prod.getValue("quarkus.rest-csrf.cookie-http-only", Boolean.class)).isTrue();
        assertThat(prod.getValue("quarkus.http.same-site-cookie.csrf-token.value", String.class)).isEqualToIgnoringCase("strict");
        for (String profile : new String[] {"dev", "local", "test"}) {
            SmallRyeConfig config = config(profile);
            assertThat(config.getValue("console.secure-cookies", Boolean.class)).as(profile).isFalse();
            assertThat(config.getValue("quarkus.rest-csrf.cookie-force-secure", Boolean.class)).as(profile).isFalse();
        }
    }

    private static SmallRyeConfig config(String profile) throws IOException {
        URL properties = ProfilesTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, 250))
                .build();
    }
}
