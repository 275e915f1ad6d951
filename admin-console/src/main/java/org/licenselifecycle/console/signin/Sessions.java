package org.licenselifecycle.console.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.oidc.AuthorizationCodeTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.licenselifecycle.console.ConsoleConfig;

/**
 * The signed-in admins' sessions, kept on the server: the browser's cookie holds only a random session id and
 * the tokens stay here, so that signing out ends the session for good (a copy of the cookie taken before is
 * worth nothing after). The demo sign-in and quarkus-oidc ({@link ServerSideTokenState}) keep their sessions here.
 *
 * <p>Bounded ({@code console.session.max-per-replica}; past it the least used session is dropped and its admin
 * signs in again) and each session forgotten at its expiry. In this replica's memory only: a replica that did not
 * sign the admin in (restarted, or reached without the ingress' affinity cookie) does not know the id and asks for
 * a sign-in, so an ended session is refused everywhere and never revived by a replica that missed the sign-out.
 */
@ApplicationScoped
public class Sessions {

    private record Session(AuthorizationCodeTokens tokens, Instant expiresAt) {
    }

    /** No session outlives this, whatever its tokens say. */
    private static final Duration LONGEST = Duration.ofDays(1);

    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Session> sessions;

    @Inject
    Sessions(ConsoleConfig config, Clock clock) {
        this(config.session().maxPerReplica(), clock);
    }

    Sessions(int maxPerReplica, Clock clock) {
        this.sessions = Caffeine.newBuilder()
                .maximumSize(maxPerReplica)
                // the injected Clock is the time of expiry, as everywhere else in the console
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(Expiry.creating((String id, Session session) -> {
                    Duration left = Duration.between(clock.instant(), session.expiresAt().isAfter(clock.instant().plus(LONGEST))
                            ? clock.instant().plus(LONGEST) : session.expiresAt());
                    return left.isNegative() ? Duration.ZERO : left;
                }))
                // evictions done by the caller, not a pool thread: no work left behind, and tests see it at once
                .executor(Runnable::run)
                .build();
    }

    /** Keeps the tokens of a new session until {@code expiresAt}; returns the session id for the cookie. */
    public String open(AuthorizationCodeTokens tokens, Instant expiresAt) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(id, new Session(tokens, expiresAt));
        return id;
    }

    /** The tokens of a live session, or empty for an id never issued here, ended, expired or dropped. */
    public Optional<AuthorizationCodeTokens> tokens(String id) {
        return id == null || id.isEmpty() ? Optional.empty()
                : Optional.ofNullable(sessions.getIfPresent(id)).map(Session::tokens);
    }

    /** Signing out: the session is gone, whoever holds a copy of its cookie. */
    public void end(String id) {
        if (id != null && !id.isEmpty()) {
            sessions.invalidate(id);
        }
    }

    /** How many sessions this replica holds now (an estimate, for tests and logs). */
    long size() {
        sessions.cleanUp();
        return sessions.estimatedSize();
    }
}
