package org.licenselifecycle.console.offboarding;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.services.DirectoryClient;
import org.licenselifecycle.console.services.DirectoryClient.Offboarding;
import org.licenselifecycle.console.services.DirectoryClient.OffboardingOutcome;
import org.licenselifecycle.console.services.DirectoryClient.User;
import org.licenselifecycle.console.services.ServiceError;
import org.licenselifecycle.console.signin.SignedInAdmin;

/**
 * Users > Active users > a user > Remove a former employee: the admin center's steps, those directory-service's
 * offboarding carries out chosen by the admin and confirmed, then what was done and what happens to the licenses,
 * mailbox and OneDrive and when, as directory answers it (with data-lifecycle-service's dates). A refusal is shown on
 * the page in directory's words; nothing was changed.
 */
@Path("/users/{id}/former-employee")
@Produces(MediaType.TEXT_HTML)
public class FormerEmployeePage {

    private final DirectoryClient directory;
    private final SignedInAdmin admin;
    private final Template page;
    private final Template confirm;
    private final Template done;

    FormerEmployeePage(@RestClient DirectoryClient directory, SignedInAdmin admin,
            @Location("former-employee.html") Template page, @Location("confirm.html") Template confirm,
            @Location("former-employee-done.html") Template done) {
        this.directory = directory;
        this.admin = admin;
        this.page = page;
        this.confirm = confirm;
        this.done = done;
    }

    @GET
    public Response steps(@PathParam("id") String id) {
        return render(user(id), 200, null);
    }

    @POST
    public Response confirm(@PathParam("id") String id, @FormParam("blockSignIn") boolean blockSignIn,
            @FormParam("unassignLicenses") boolean unassignLicenses, @FormParam("deleteUser") boolean deleteUser) {
        User user = user(id);
        Offboarding choices = new Offboarding(blockSignIn, unassignLicenses, deleteUser);
        if (!FormerEmployeeSteps.anyChosen(choices)) {
            return render(user, 400, "Choose at least one step to take here. Nothing was changed.");
        }
        return html(200, confirm.data("box", FormerEmployeeSteps.confirmation(user.id(), user.displayName(), choices))
                .render());
    }

    @POST
    @Path("confirmed")
    public Response remove(@PathParam("id") String id, @FormParam("blockSignIn") boolean blockSignIn,
            @FormParam("unassignLicenses") boolean unassignLicenses, @FormParam("deleteUser") boolean deleteUser) {
        User user = user(id);
        try {
            OffboardingOutcome outcome = directory.offboard(admin.bearer(), user.id(),
                    new Offboarding(blockSignIn, unassignLicenses, deleteUser));
            return html(200, done.data("user", user).data("outcome", outcome).render());
        } catch (ServiceError e) {
            if (e.status() == 401 || e.status() >= 500) {
                throw e;
            }
            return render(user, e.pageStatus(), e.getMessage() + " Nothing was changed.");
        }
    }

    private User user(String id) {
        return directory.user(admin.bearer(), id);
    }

    private Response render(User user, int status, String error) {
        return html(status, page.data("user", user).data("steps", FormerEmployeeSteps.STEPS).data("error", error)
                .render());
    }

    private static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(body).build();
    }
}
