package org.licenselifecycle.console;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Refuses state-changing requests that did not come from the console's own pages, with a 403 page in plain words
 * and before anything runs. Two checks, either enough alone against a forged form:
 * <ul>
 * <li>the form token (quarkus-rest-csrf): every POST carries the token of the form's hidden field and of the
 * {@code csrf-token} cookie; the extension refuses a mismatch with a bare 400, shown here as the 403 page;</li>
 * <li>where the request says it came from: a browser's {@code Sec-Fetch-Site} must be {@code same-origin}, or, from
 * a browser that does not send it, {@code Origin} must be the console's own host. A page of the same site on
 * another port or subdomain (same-site, so it gets the SameSite=Strict session cookie, and can even set the form
 * token's cookie, since cookies ignore ports) is refused here whatever it sends.</li>
 * </ul>
 * A request with neither header (not a browser: curl, tests) still needs the form token.
 */
public class ForgedRequests {

    private static final Logger LOG = Logger.getLogger(ForgedRequests.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final String TITLE = "Request refused";

    private final ErrorPage page;

    ForgedRequests(ErrorPage page) {
        this.page = page;
    }

    /** Before the form token's check and the page: a request another origin made the browser send is refused. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Optional<Response> fromAnotherOrigin(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || cameFromThisOrigin(request.getHeaderString("Sec-Fetch-Site"),
                request.getHeaderString("Origin"), request.getHeaderString("Host"))) {
            return Optional.empty();
        }
        LOG.warnf("Refused %s %s sent from another origin (Sec-Fetch-Site %s, Origin %s)", request.getMethod(),
                request.getUriInfo().getPath(), request.getHeaderString("Sec-Fetch-Site"), request.getHeaderString("Origin"));
        return Optional.of(page.render(403, TITLE, "This request was sent by a page of another site, not by this admin "
                + "center, so it was refused and nothing was changed. To make a change, open the admin center and make it there.",
                false));
    }

    /** quarkus-rest-csrf answers a missing or wrong form token with an empty 400: say what happened instead. */
    @ServerResponseFilter
    public void formTokenRefused(ContainerRequestContext request, ContainerResponseContext response) {
        // the console's own failures are all pages with a body (ErrorPages); only the form token's check is empty
        if (SAFE.contains(request.getMethod()) || response.getStatus() != 400 || response.hasEntity()) {
            return;
        }
        Response refused = page.render(403, TITLE, "This form could not be verified: it was open for too long, or it did "
                + "not come from this admin center. Nothing was changed. Open the page again and repeat what you meant to do.",
                false);
        response.setStatus(403);
        response.getHeaders().putSingle("Content-Type", refused.getMediaType());
        response.setEntity(refused.getEntity());
    }

    /**
     * Sec-Fetch-Site when the browser sends it ({@code none}: the admin typed or bookmarked it); else Origin against
     * the Host the request was sent to (scheme aside: behind the ingress the console sees http); else not a browser.
     */
    static boolean cameFromThisOrigin(String secFetchSite, String origin, String host) {
        if (secFetchSite != null) {
            return secFetchSite.equals("same-origin") || secFetchSite.equals("none");
        }
        if (origin == null) {
            return true;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && host != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
