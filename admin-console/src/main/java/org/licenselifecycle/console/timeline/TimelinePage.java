package org.licenselifecycle.console.timeline;

import static org.licenselifecycle.console.services.ServiceError.nullWhenNotFound;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.services.DirectoryClient;
import org.licenselifecycle.console.services.LicensingClient;
import org.licenselifecycle.console.services.LifecycleClient;
import org.licenselifecycle.console.services.ServiceError;
import org.licenselifecycle.console.signin.SignedInAdmin;

/**
 * A user's data timeline: the mailbox (state, searchable, purge date, holds), OneDrive, and what happened
 * when. Inside the grace period, "Reassign" gives a removed license back, which reconnects the mailbox.
 */
@Path("/users/{id}/timeline")
@Produces(MediaType.TEXT_HTML)
public class TimelinePage {

    /** A timeline entry with the actor's name when the directory knows it. */
    public record Entry(LifecycleClient.TimelineEntry entry, String actor) {
    }

    private final DirectoryClient directory;
    private final LicensingClient licensing;
    private final LifecycleClient lifecycle;
    private final SignedInAdmin admin;
    private final Template page;

    TimelinePage(@RestClient DirectoryClient directory, @RestClient LicensingClient licensing,
            @RestClient LifecycleClient lifecycle, SignedInAdmin admin, @Location("timeline.html") Template page) {
        this.directory = directory;
        this.licensing = licensing;
        this.lifecycle = lifecycle;
        this.admin = admin;
        this.page = page;
    }

    @GET
    public TemplateInstance timeline(@PathParam("id") String id, @QueryParam("reassigned") String reassigned) {
        return render(id, reassigned, null);
    }

    /** "Reassign": the license back inside the grace period (Graph's assignLicense). */
    @POST
    @Path("reassign")
    public Response reassign(@PathParam("id") String id, @FormParam("skuId") String skuId) {
        try {
            licensing.assignLicense(admin.bearer(), id, Map.of(
                    "addLicenses", List.of(Map.of("skuId", skuId == null ? "" : skuId, "disabledPlans", List.of())),
                    "removeLicenses", List.of()));
        } catch (ServiceError e) {
            return Response.status(e.pageStatus()).entity(render(id, null, e.getMessage())).build();
        }
        String name = licensing.products(admin.bearer()).stream().filter(p -> p.skuId().equalsIgnoreCase(skuId))
                .map(LicensingClient.Product::productName).findFirst().orElse(skuId);
        return Response.seeOther(URI.create("/users/" + id + "/timeline?reassigned="
                + URLEncoder.encode(name, StandardCharsets.UTF_8))).build();
    }

    private TemplateInstance render(String id, String reassigned, String error) {
        DirectoryClient.User user = directory.user(admin.bearer(), id);
        LifecycleClient.Mailbox mailbox = nullWhenNotFound(() -> lifecycle.mailbox(admin.bearer(), id));
        LifecycleClient.OneDrive oneDrive = nullWhenNotFound(() -> lifecycle.oneDrive(admin.bearer(), id));
        LifecycleClient.Timeline timeline = Optional
                .ofNullable(nullWhenNotFound(() -> lifecycle.timeline(admin.bearer(), id)))
                .orElse(new LifecycleClient.Timeline(id, List.of()));
        Map<String, String> actors = new HashMap<>();
        List<Entry> entries = timeline.entries().stream()
                .map(e -> new Entry(e, e.actor() == null ? "the system" : actors.computeIfAbsent(e.actor(), this::actorName)))
                .toList();
        // lifecycle says whether the grace period still runs: the console does not count it
        boolean inGrace = mailbox != null && mailbox.reconnectable();
        List<LicensingClient.Product> products = inGrace && admin.canUnassign() ? licensing.products(admin.bearer()) : List.of();
        return page.data("user", user)
                .data("mailbox", mailbox)
                .data("oneDrive", oneDrive)
                .data("entries", entries)
                .data("inGrace", inGrace)
                .data("products", products)
                .data("removedSku", lastRemoved(timeline, products))
                .data("reassigned", reassigned)
                .data("error", error);
    }

    /** The product of the last "License ... removed" entry, to preselect for Reassign. */
    private static String lastRemoved(LifecycleClient.Timeline timeline, List<LicensingClient.Product> products) {
        String partNumber = null;
        for (LifecycleClient.TimelineEntry entry : timeline.entries()) {
            if ("LICENSE_REMOVED".equals(entry.event()) && entry.detail() != null && entry.detail().startsWith("License ")) {
                partNumber = entry.detail().substring("License ".length()).split(" ", 2)[0];
            }
        }
        String wanted = partNumber;
        return products.stream().filter(p -> p.skuPartNumber().equals(wanted)).map(LicensingClient.Product::skuId)
                .findFirst().orElse(null);
    }

    private String actorName(String objectId) {
        try {
            return directory.user(admin.bearer(), objectId).displayName();
        } catch (ServiceError e) {
            return "an admin (" + objectId + ")";
        }
    }
}
