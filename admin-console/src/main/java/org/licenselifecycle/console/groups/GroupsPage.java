package org.licenselifecycle.console.groups;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.console.services.DirectoryClient;
import org.licenselifecycle.console.services.DirectoryClient.Group;
import org.licenselifecycle.console.services.DirectoryClient.User;
import org.licenselifecycle.console.services.LicensingClient;
import org.licenselifecycle.console.services.ServiceError;
import org.licenselifecycle.console.signin.SignedInAdmin;

/**
 * Teams &amp; groups &gt; Active groups: the tenant's security groups as directory-service lists them, and a group's
 * page ({@code /groups/{id}}): its name, description, members (each a link to the user on Active users) and the
 * licenses it gives its members, as directory's group view holds them (fed by licensing's events: a license given a
 * moment ago may show a moment later), named as licensing names its products. The console asks; every rule is the
 * services'.
 */
@Path("/groups")
@Produces(MediaType.TEXT_HTML)
public class GroupsPage {

    static final int PAGE_SIZE = 100;
    /** Graph's largest page: a group's members are shown whole, page by page from directory. */
    static final int MEMBERS_PAGE_SIZE = 999;

    /** A product a group gives, named. */
    public record GivenLicense(String skuId, String productName) {
    }

    private final DirectoryClient directory;
    private final LicensingClient licensing;
    private final SignedInAdmin admin;
    private final Template list;
    private final Template group;

    GroupsPage(@RestClient DirectoryClient directory, @RestClient LicensingClient licensing, SignedInAdmin admin,
            @Location("groups.html") Template list, @Location("group.html") Template group) {
        this.directory = directory;
        this.licensing = licensing;
        this.admin = admin;
        this.list = list;
        this.group = group;
    }

    @GET
    public TemplateInstance groups(@QueryParam("next") String next) {
        ODataCollection<Group> page = directory.groups(admin.bearer(), PAGE_SIZE, next == null || next.isBlank() ? null : next);
        List<Group> groups = page.value().stream()
                .sorted(Comparator.comparing((Group g) -> g.displayName().toLowerCase(Locale.ROOT)).thenComparing(Group::id))
                .toList();
        return list.data("groups", groups).data("next", page.skipToken());
    }

    @GET
    @Path("{id}")
    public TemplateInstance group(@PathParam("id") String id) {
        String bearer = admin.bearer();
        Group shown = directory.group(bearer, id, "id,displayName,description,onPremisesSyncEnabled,assignedLicenses");
        List<User> members = new ArrayList<>();
        String next = null;
        do {
            ODataCollection<User> page = directory.groupMembers(bearer, id, MEMBERS_PAGE_SIZE, next);
            members.addAll(page.value());
            next = page.skipToken();
        } while (next != null);
        members.sort(Comparator.comparing((User u) -> u.displayName().toLowerCase(Locale.ROOT)).thenComparing(User::id));
        return group.data("group", shown).data("members", members).data("licenses", given(bearer, shown));
    }

    /**
     * licensing's product names by skuId; none for an admin licensing does not let read its products (a Groups
     * Administrator), who sees the products' ids.
     */
    private Map<String, String> productNames(String bearer) {
        try {
            return licensing.products(bearer).stream().collect(
                    Collectors.toMap(LicensingClient.Product::skuId, LicensingClient.Product::productName, (a, b) -> a));
        } catch (ServiceError e) {
            if (e.status() == 403) {
                return Map.of();
            }
            throw e;
        }
    }

    /** The products the group gives, by licensing's names (a product licensing does not list shows as its id). */
    private List<GivenLicense> given(String bearer, Group shown) {
        if (shown.assignedLicenses() == null || shown.assignedLicenses().isEmpty()) {
            return List.of();
        }
        Map<String, String> names = productNames(bearer);
        return shown.assignedLicenses().stream()
                .map(license -> new GivenLicense(license.skuId(), names.getOrDefault(license.skuId(), license.skuId())))
                .sorted(Comparator.comparing((GivenLicense l) -> l.productName().toLowerCase(Locale.ROOT)))
                .toList();
    }
}
