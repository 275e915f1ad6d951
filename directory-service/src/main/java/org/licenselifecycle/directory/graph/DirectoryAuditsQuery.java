package org.licenselifecycle.directory.graph;

import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.audit.AuditCursor;
import org.licenselifecycle.directory.audit.AuditFilter;
import org.licenselifecycle.directory.audit.DirectoryAudit;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.graph.ODataQuery.Option;

/**
 * The query options of Graph's {@code GET /auditLogs/directoryAudits} ({@link ODataQuery}): {@code $filter}
 * ({@link DirectoryAuditsFilter}), {@code $top} (1..999, default 100: Graph pages audit logs by 100 too) and the
 * opaque {@code $skiptoken} of an {@code @odata.nextLink}. The list runs newest first.
 */
record DirectoryAuditsQuery(int top, Optional<AuditCursor> after, Optional<String> filterText, AuditFilter filter) {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final String PATH = "v1.0/auditLogs/directoryAudits";

    private static final String TOKEN = "a1:";

    static DirectoryAuditsQuery list(UriInfo uri) {
        ODataQuery options = ODataQuery.read(uri, Option.FILTER, Option.TOP, Option.SKIP_TOKEN);
        Optional<String> filterText = options.value(Option.FILTER);
        return new DirectoryAuditsQuery(options.top(DEFAULT_PAGE_SIZE), after(options.skipToken()), filterText,
                DirectoryAuditsFilter.parse(filterText));
    }

    /** The absolute {@code @odata.nextLink} of a page that ends with {@code last}: the same options, and where it ended. */
    String nextLink(String baseUri, DirectoryAudit last) {
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (TOKEN + last.activityDateTime + "|" + last.id).getBytes(StandardCharsets.UTF_8));
        StringBuilder link = new StringBuilder(baseUri.endsWith("/") ? baseUri : baseUri + "/")
                .append(PATH).append("?$top=").append(top);
        filterText.ifPresent(filter -> link.append("&$filter=")
                .append(URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20")));
        return link.append("&$skiptoken=").append(token).toString();
    }

    private static Optional<AuditCursor> after(Optional<String> token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            if (decoded.startsWith(TOKEN) && bar > 0) {
                return Optional.of(new AuditCursor(Instant.parse(decoded.substring(TOKEN.length(), bar)),
                        UUID.fromString(decoded.substring(bar + 1))));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // refused below: a token we did not issue
        }
        throw GraphException.badRequest("The $skiptoken '" + token.get() + "' is not valid; use the @odata.nextLink as returned.");
    }
}
