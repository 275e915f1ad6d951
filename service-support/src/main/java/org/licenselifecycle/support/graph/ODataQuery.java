package org.licenselifecycle.support.graph;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * The OData system query options of one Graph GET, read the one way every Graph-shaped endpoint reads them, so
 * that no option is ever silently ignored (a script deleting "the filtered users" must never get them all):
 * <ul>
 * <li>Names are matched case-insensitively, as OData allows: {@code $filter}, {@code $Filter} and {@code $FILTER}
 * are one option.</li>
 * <li>An option the endpoint does not support is a 400, as Graph answers {@code $skip} on {@code /users}
 * ("'$skip' is not supported by the service.").</li>
 * <li>A {@code $}-name OData does not know, and a system option's name without its {@code $} ({@code filter},
 * {@code select}...), are a 400 "Unrecognized query argument specified: '…'.", as Graph v1.0 answers
 * {@code /users?select=...}: v1.0 accepts the names without {@code $} on only some APIs (beta on all), and none
 * served here is documented among them.</li>
 * <li>Any other parameter (no {@code $}, not an option's name) is ignored, as Graph ignores it.</li>
 * <li>An option given twice is a 400, as OData requires.</li>
 * </ul>
 * The values of {@code $top}, {@code $count} and {@code $select} are checked here too; {@code $filter},
 * {@code $orderby}, {@code $search} and {@code $skiptoken} are each endpoint's to read.
 */
public final class ODataQuery {

    /** Microsoft Graph's largest page. */
    public static final int MAX_TOP = 999;

    /** The header that turns on Graph's advanced queries on directory objects. */
    public static final String CONSISTENCY_LEVEL = "ConsistencyLevel";

    /** The OData system query options (OData 4.01, part 2, section 5). */
    public enum Option {
        SELECT, FILTER, TOP, SKIP_TOKEN("skiptoken"), COUNT, ORDER_BY("orderby"), SEARCH, EXPAND, SKIP, FORMAT,
        COMPUTE, APPLY, LEVELS, INDEX, DELTA_TOKEN("deltatoken"), SCHEMA_VERSION("schemaversion"), ID;

        private final String bareName;

        Option() {
            this.bareName = name().toLowerCase(Locale.ROOT);
        }

        Option(String bareName) {
            this.bareName = bareName;
        }

        /** The name as Graph writes it, e.g. {@code $skiptoken}. */
        public String graphName() {
            return "$" + bareName;
        }

        static Optional<Option> named(String name) {
            return Arrays.stream(values()).filter(o -> o.graphName().equalsIgnoreCase(name)).findFirst();
        }

        static boolean isBareName(String name) {
            return Arrays.stream(values()).anyMatch(o -> o.bareName.equalsIgnoreCase(name));
        }
    }

    private final Map<Option, String> values;
    private final boolean eventual;

    private ODataQuery(Map<Option, String> values, boolean eventual) {
        this.values = values;
        this.eventual = eventual;
    }

    /** The request's options, refusing any the endpoint does not support; no ConsistencyLevel. */
    public static ODataQuery read(UriInfo uri, Option... supported) {
        return read(uri.getQueryParameters(), null, supported);
    }

    /** The request's options and its ConsistencyLevel header, refusing any option the endpoint does not support. */
    public static ODataQuery read(UriInfo uri, HttpHeaders headers, Option... supported) {
        return read(uri.getQueryParameters(), headers.getHeaderString(CONSISTENCY_LEVEL), supported);
    }

    /**
     * @param parameters the query parameters, names and values decoded
     * @param consistencyLevel the ConsistencyLevel header, null when absent
     */
    public static ODataQuery read(MultivaluedMap<String, String> parameters, String consistencyLevel, Option... supported) {
        Set<Option> allowed = supported.length == 0 ? EnumSet.noneOf(Option.class) : EnumSet.copyOf(Arrays.asList(supported));
        Map<Option, String> values = new EnumMap<>(Option.class);
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            Optional<Option> option = Option.named(name);
            if (option.isEmpty()) {
                if (name.startsWith("$") || Option.isBareName(name)) {
                    throw GraphException.badRequest("Unrecognized query argument specified: '" + name + "'.");
                }
                continue;
            }
            if (!allowed.contains(option.get())) {
                throw GraphException.badRequest("'" + option.get().graphName() + "' is not supported by the service.");
            }
            if (values.containsKey(option.get()) || parameter.getValue().size() > 1) {
                throw GraphException.badRequest("Query option '" + option.get().graphName()
                        + "' was specified more than once, but it must be specified at most once.");
            }
            values.put(option.get(), parameter.getValue().isEmpty() ? "" : parameter.getValue().get(0));
        }
        return new ODataQuery(values, consistencyLevel != null && consistencyLevel.trim().equalsIgnoreCase("eventual"));
    }

    /** The option's value as sent, when it was. */
    public Optional<String> value(Option option) {
        return Optional.ofNullable(values.get(option));
    }

    public boolean has(Option option) {
        return values.containsKey(option);
    }

    /** {@code ConsistencyLevel: eventual}: the header Graph's advanced queries on directory objects need. */
    public boolean eventualConsistency() {
        return eventual;
    }

    /** {@code $top}: a page size from 1 to {@value #MAX_TOP}, when given. */
    public Optional<Integer> top() {
        return value(Option.TOP).map(ODataQuery::pageSize);
    }

    /** {@code $top}, or {@code byDefault} when not given. */
    public int top(int byDefault) {
        return top().orElse(byDefault);
    }

    /** {@code $skiptoken} as sent: each endpoint reads the tokens it issued. */
    public Optional<String> skipToken() {
        return value(Option.SKIP_TOKEN);
    }

    /** {@code $count=true}; false when absent or {@code false}. */
    public boolean count() {
        return value(Option.COUNT).map(value -> {
            if (value.trim().equalsIgnoreCase("true")) {
                return true;
            }
            if (value.trim().equalsIgnoreCase("false")) {
                return false;
            }
            throw GraphException.badRequest("'" + value + "' is not a valid count option.");
        }).orElse(false);
    }

    /**
     * The properties {@code $select} names, each once, in the order named; empty when it names none (the
     * endpoint's default properties).
     *
     * @param property the property of that name, matched as the endpoint's type matches names
     * @param type Graph's type name, e.g. {@code user} for {@code microsoft.graph.user}
     */
    public <P> List<P> select(Function<String, Optional<P>> property, String type) {
        String value = values.get(Option.SELECT);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<P> selected = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String trimmed = name.trim();
            selected.add(property.apply(trimmed).orElseThrow(() -> GraphException.badRequest(
                    "Could not find a property named '" + trimmed + "' on type 'microsoft.graph." + type + "'.")));
        }
        return new ArrayList<>(selected);
    }

    private static int pageSize(String value) {
        try {
            int top = Integer.parseInt(value.trim());
            if (top >= 1 && top <= MAX_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // refused below with Graph's message
        }
        throw GraphException.badRequest(
                "Invalid page size specified: '" + value + "'. Must be between 1 and " + MAX_TOP + " inclusive.");
    }
}
