package org.licenselifecycle.console.audit;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.services.DirectoryClient;
import org.licenselifecycle.console.services.DirectoryClient.AuditInitiator;
import org.licenselifecycle.console.services.DirectoryClient.AuditTarget;
import org.licenselifecycle.console.services.DirectoryClient.DirectoryAudit;
import org.licenselifecycle.console.signin.SignedInAdmin;
import org.licenselifecycle.contract.audit.Activity;
import org.licenselifecycle.contract.graph.ODataCollection;

/**
 * Audit log: who changed which licenses, users and subscriptions, when, newest first, filtered by a range of days
 * (UTC) and an activity, paged. Directory's Graph {@code /auditLogs/directoryAudits} answers, with the admin's
 * token: the roles that may read it are the directory's rule ({@code SignedInAdmin#canReadAuditLog} only decides
 * whether the menu shows the link).
 */
@Path("/audit-log")
@Produces(MediaType.TEXT_HTML)
public class AuditLogPage {

    static final int PAGE_SIZE = 50;

    /** One row: the entry in words. */
    public record Row(String id, java.time.Instant at, String activity, String initiatedBy, String target, String changes,
            String result) {
    }

    private final DirectoryClient directory;
    private final SignedInAdmin admin;
    private final Template page;

    AuditLogPage(@RestClient DirectoryClient directory, SignedInAdmin admin, @Location("audit-log.html") Template page) {
        this.directory = directory;
        this.admin = admin;
        this.page = page;
    }

    @GET
    public TemplateInstance log(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("activity") String activity, @QueryParam("next") String next) {
        TemplateInstance view = page.data("from", blankAsNull(from)).data("to", blankAsNull(to))
                .data("activity", blankAsNull(activity)).data("activities", Activity.displayNames());
        List<String> conditions = new ArrayList<>();
        try {
            LocalDate fromDay = day(from);
            LocalDate toDay = day(to);
            if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
                return view.data("rows", List.of()).data("next", null)
                        .data("error", "The first day (" + fromDay + ") is after the last (" + toDay + ").");
            }
            if (fromDay != null) {
                conditions.add("activityDateTime ge " + fromDay.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            if (toDay != null) {
                conditions.add("activityDateTime lt " + toDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        } catch (DateTimeParseException e) {
            return view.data("rows", List.of()).data("next", null)
                    .data("error", "Dates are days such as 2026-11-23.");
        }
        if (blankAsNull(activity) != null) {
            conditions.add("activityDisplayName eq '" + activity.replace("'", "''") + "'");
        }
        ODataCollection<DirectoryAudit> entries = directory.directoryAudits(admin.bearer(), PAGE_SIZE,
                conditions.isEmpty() ? null : String.join(" and ", conditions), blankAsNull(next));
        return view.data("rows", entries.value().stream().map(AuditLogPage::row).toList())
                .data("next", entries.skipToken())
                .data("error", null);
    }

    private static Row row(DirectoryAudit entry) {
        List<AuditTarget> targets = entry.targetResources() == null ? List.of() : entry.targetResources();
        return new Row(entry.id(), entry.activityDateTime(), entry.activityDisplayName(), initiator(entry.initiatedBy()),
                targets.stream().map(AuditLogPage::target).collect(Collectors.joining("; ")),
                targets.stream().flatMap(t -> t.modifiedProperties() == null ? java.util.stream.Stream.empty()
                                : t.modifiedProperties().stream())
                        .map(p -> p.displayName() + ": " + p.oldValue() + " \u2192 " + p.newValue())
                        .collect(Collectors.joining("; ")),
                entry.result());
    }

    private static String initiator(AuditInitiator by) {
        if (by == null) {
            return "";
        }
        if (by.user() != null) {
            return by.user().displayName() != null ? by.user().displayName()
                    + (by.user().userPrincipalName() != null ? " (" + by.user().userPrincipalName() + ")" : "")
                    : by.user().userPrincipalName() != null ? by.user().userPrincipalName() : by.user().id();
        }
        return by.app() == null ? "" : by.app().displayName() + " (application)";
    }

    private static String target(AuditTarget target) {
        String name = target.displayName() != null ? target.displayName() : target.id();
        return target.userPrincipalName() != null ? name + " (" + target.userPrincipalName() + ")" : name;
    }

    private static LocalDate day(String text) {
        return blankAsNull(text) == null ? null : LocalDate.parse(text.trim());
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
