package org.licenselifecycle.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The page every failure is shown as: a title, a sentence in plain words, and the way back. */
@ApplicationScoped
public class ErrorPage {

    private final Template page;

    ErrorPage(@Location("error.html") Template page) {
        this.page = page;
    }

    Response render(int status, String title, String message, boolean signInAgain) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(page.data("title", title).data("message", message).data("signInAgain", signInAgain)
                        // an error page asks no service (layout: no admin-center links), so that it shows even while one is away
                        .data("errorPage", true).render())
                .build();
    }
}
