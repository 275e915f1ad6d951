package org.licenselifecycle.console;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.licenselifecycle.console.services.ServiceError;

/**
 * Every failure as a page in plain words: a service's refusal with its message, a service that did not
 * answer, a page that does not exist, and anything else without a stack trace (which goes to the log).
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final ErrorPage page;

    ErrorPages(ErrorPage page) {
        this.page = page;
    }

    @ServerExceptionMapper
    public Response refused(ServiceError e) {
        int status = e.pageStatus();
        return render(status, status == 401 ? "Sign in again" : "That did not work", e.getMessage(), status == 401);
    }

    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        LOG.warnf("A service did not answer: %s", e.getMessage());
        return render(503, "A service did not answer",
                "One of the services behind this page did not answer. Nothing was changed; try again in a moment.", false);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return render(404, "Page not found", "There is no such page. Use the navigation to find your way.", false);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return render(status, "That did not work", status == 405
                ? "That page cannot be used like that." : "The console could not handle that request (HTTP " + status + ").",
                false);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure while rendering a page", e);
        return render(500, "Something went wrong", "Something went wrong on the console. Nothing more is known here; "
                + "the console's log has the details.", false);
    }

    private Response render(int status, String title, String message, boolean signInAgain) {
        return page.render(status, title, message, signInAgain);
    }
}
