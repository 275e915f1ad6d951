package org.licenselifecycle.directory.graph;

import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.NextLink;
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
        return NextLink.to(baseUri, PATH).option("top", top).option("filter", filterText)
                .skipToken(NextLink.seal(TOKEN, last.activityDateTime + "|" + last.id));
    }

    private static Optional<AuditCursor> after(Optional<String> token) {
        return token.map(given -> NextLink.open(given, TOKEN).flatMap(DirectoryAuditsQuery::cursor)
                .orElseThrow(() -> NextLink.invalidSkipToken(given)));
    }

    /** {@code <activityDateTime>|<id>}. */
    private static Optional<AuditCursor> cursor(String position) {
        int bar = position.indexOf('|');
        try {
            return bar > 0 ? Optional.of(new AuditCursor(Instant.parse(position.substring(0, bar)),
                    UUID.fromString(position.substring(bar + 1)))) : Optional.empty();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
