package org.licenselifecycle.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.AuthorizationCodeTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-side sessions: ended for good at sign-out, forgotten at expiry, bounded in number. */
class SessionsTest {

    private final MovingClock clock = new MovingClock(Instant.parse("2026-11-27T09:00:00Z"));

    @Test
    void aSessionIsFoundByItsIdUntilItIsEnded() {
        Sessions sessions = new Sessions(10, clock);
        String id = sessions.open(tokens("lee"), clock.instant().plus(Duration.ofHours(8)));
        assertThat(sessions.tokens(id)).map(AuthorizationCodeTokens::getAccessToken).contains("lee");
        sessions.end(id);
        assertThat(sessions.tokens(id)).isEmpty();
    }

    @Test
    void sessionIdsAreRandomAndUnguessable() {
        Sessions sessions = new Sessions(10, clock);
        String first = sessions.open(tokens("a"), clock.instant().plusSeconds(60));
        String second = sessions.open(tokens("a"), clock.instant().plusSeconds(60));
        assertThat(first).isNotEqualTo(second).hasSize(43).matches("[A-Za-z0-9_-]+");
        assertThat(sessions.tokens(first.substring(1) + "A")).isEmpty();
        assertThat(sessions.tokens(null)).isEmpty();
        assertThat(sessions.tokens("")).isEmpty();
    }

    @Test
    void aSessionIsForgottenAtItsExpiry() {
        Sessions sessions = new Sessions(10, clock);
        String id = sessions.open(tokens("lee"), clock.instant().plus(Duration.ofHours(1)));
        clock.advance(Duration.ofMinutes(59));
        assertThat(sessions.tokens(id)).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(sessions.tokens(id)).isEmpty();
    }

    @Test
    void aReplicaKeepsAtMostItsBoundOfSessions() {
        Sessions sessions = new Sessions(100, clock);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ids.add(sessions.open(tokens("admin" + i), clock.instant().plus(Duration.ofHours(8))));
        }
        assertThat(sessions.size()).isLessThanOrEqualTo(100);
        assertThat(ids.stream().filter(id -> sessions.tokens(id).isPresent()).count()).isLessThanOrEqualTo(100);
    }

    private static AuthorizationCodeTokens tokens(String accessToken) {
        return new AuthorizationCodeTokens(null, accessToken, null);
    }

    /** A clock the test moves. */
    static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
