package org.licenselifecycle.directory.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.audit.AuditFilter;
import org.licenselifecycle.support.graph.FilterTokens;

/**
 * The part of OData's {@code $filter} that {@code GET /v1.0/auditLogs/directoryAudits} supports, read into an
 * {@link AuditFilter}: {@code activityDateTime ge|gt|le|lt|eq <date-time>} (an unquoted ISO-8601 date-time, as
 * Graph's examples write it), {@code activityDisplayName eq '...'} and {@code correlationId eq <guid>}, joined with
 * {@code and}. Anything else is refused with Graph's 400, never ignored.
 */
final class DirectoryAuditsFilter {

    private final String text;
    private final FilterTokens tokens;
    private Optional<Instant> from = Optional.empty();
    private boolean fromInclusive = true;
    private Optional<Instant> to = Optional.empty();
    private boolean toInclusive = true;
    private Optional<String> activity = Optional.empty();
    private Optional<UUID> correlation = Optional.empty();

    private DirectoryAuditsFilter(String text) {
        this.text = text;
        this.tokens = FilterTokens.of(text, this::invalid);
    }

    static AuditFilter parse(Optional<String> text) {
        return text.map(filter -> new DirectoryAuditsFilter(filter).read()).orElse(AuditFilter.NONE);
    }

    private AuditFilter read() {
        do {
            readCondition();
        } while (tokens.accept("and"));
        if (!tokens.done()) {
            throw unsupported();
        }
        return new AuditFilter(from, fromInclusive, to, toInclusive, activity, correlation);
    }

    private void readCondition() {
        String property = tokens.takeLowerCase();
        String operator = tokens.takeLowerCase();
        String literal = tokens.take();
        switch (property) {
            case "activitydatetime" -> time(operator, dateTime(literal));
            case "activitydisplayname" -> {
                requireEq(operator);
                activity = once(activity, tokens.string(literal));
            }
            case "correlationid" -> {
                requireEq(operator);
                correlation = once(correlation, guid(literal));
            }
            default -> throw unsupported();
        }
    }

    private void time(String operator, Instant at) {
        switch (operator) {
            case "ge", "gt" -> {
                from = once(from, at);
                fromInclusive = operator.equals("ge");
            }
            case "le", "lt" -> {
                to = once(to, at);
                toInclusive = operator.equals("le");
            }
            case "eq" -> {
                from = once(from, at);
                to = once(to, at);
            }
            default -> throw unsupported();
        }
    }

    private void requireEq(String operator) {
        if (!operator.equals("eq")) {
            throw unsupported();
        }
    }

    /** A condition on a bound already set would need 'or' or be contradictory: refused. */
    private <T> Optional<T> once(Optional<T> current, T value) {
        if (current.isPresent()) {
            throw unsupported();
        }
        return Optional.of(value);
    }

    private Instant dateTime(String literal) {
        try {
            return OffsetDateTime.parse(literal).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid();
        }
    }

    private UUID guid(String literal) {
        try {
            if (literal.length() == 36) {
                return UUID.fromString(literal);
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw invalid();
    }

    private GraphException invalid() {
        return GraphException.badRequest("Invalid filter clause: '" + text + "'.");
    }

    private GraphException unsupported() {
        return new GraphException(400, GraphErrorCodes.UNSUPPORTED_QUERY, "Unsupported or invalid query filter clause "
                + "specified: '" + text + "'. Supported: activityDateTime ge|gt|le|lt|eq <date-time>, "
                + "activityDisplayName eq '...', correlationId eq <guid>, joined with 'and'.");
    }
}
