package org.licenselifecycle.support.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How many verified bearer tokens each service keeps, and for how long at most (see {@link VerifiedTokenCache}). */
@ConfigMapping(prefix = "license-lifecycle.token-cache")
public interface TokenCacheConfig {

    /** Tokens kept; 0 verifies every request afresh. */
    @WithDefault("10000")
    long maxSize();

    /** The longest a verified token is reused before it is verified again (a key rotation takes effect). */
    @WithDefault("PT5M")
    Duration maxAge();
}
