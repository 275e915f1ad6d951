package org.licenselifecycle.licensing.users;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** Where and how licensing asks directory-service about a user it has not heard of yet ({@link UnheardUsers}). */
@ConfigMapping(prefix = "licensing.directory")
public interface DirectoryConfig {

    /** directory-service's base URL (env {@code LICENSING_DIRECTORY_URL}). */
    @WithDefault("http://localhost:8081")
    URI url();

    /** Short: the caller waits for the answer, and a directory that cannot be reached is answered with 503 at once. */
    @WithDefault("PT0.5S")
    Duration connectTimeout();

    @WithDefault("PT2S")
    Duration readTimeout();

    /** The {@code Retry-After} of the 503 answered while directory-service cannot be asked. */
    @WithDefault("PT2S")
    Duration retryAfter();
}
