package org.licenselifecycle.console.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import java.util.Map;
import org.licenselifecycle.console.ConsoleConfig;

/**
 * The demo sign-in's session cookie: the id of a session in {@link Sessions}, never a token. HttpOnly and
 * SameSite=Strict always; Secure wherever {@code console.secure-cookies} is on (everywhere but a developer's
 * machine over plain http).
 */
@ApplicationScoped
public class SessionCookie {

    static final String NAME = "console_session";

    private final boolean secure;

    SessionCookie(ConsoleConfig config) {
        this.secure = config.secureCookies();
    }

    NewCookie of(String sessionId) {
        return build(sessionId, -1);
    }

    /** Tells the browser to forget the cookie. */
    NewCookie cleared() {
        return build("", 0);
    }

    /** The session id among a request's cookies, or null. */
    String read(Map<String, Cookie> cookies) {
        Cookie cookie = cookies.get(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    private NewCookie build(String value, int maxAge) {
        return new NewCookie.Builder(NAME).value(value).path("/").httpOnly(true).secure(secure).maxAge(maxAge)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
