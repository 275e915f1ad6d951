package org.licenselifecycle.contract.graph;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id a Graph URL's path segment names ({@code users/{id}}, {@code subscriptions/{id}}...): a GUID in its
 * canonical 8-4-4-4-12 form, in any case. The one parser of ids in segments, for the services and the console.
 */
public final class ObjectIds {

    // UUID.fromString alone would take "1-2-3-4-5" and other shortened groups; Graph wants the canonical form
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ObjectIds() {
    }

    /** The id the segment names; empty when it is no GUID (a userPrincipalName, say, or nothing). */
    public static Optional<UUID> of(String segment) {
        return segment != null && GUID.matcher(segment).matches() ? Optional.of(UUID.fromString(segment))
                : Optional.empty();
    }

    /** The id the segment names, or Graph's 400 {@code Request_BadRequest} "Invalid object identifier '…'.". */
    public static UUID parse(String segment) {
        return of(segment).orElseThrow(() -> GraphException.badRequest("Invalid object identifier '" + segment + "'."));
    }

    /**
     * The id a query option or body field names ({@code $skiptoken}, say), or Graph's 400 {@code Request_BadRequest}
     * "Invalid {@code what}: '…'.".
     */
    public static UUID parse(String value, String what) {
        return of(value).orElseThrow(() -> GraphException.badRequest("Invalid " + what + ": '" + value + "'."));
    }

    /**
     * The id of the resource the segment names, or Graph's 404 {@code Request_ResourceNotFound}: where a segment that
     * is no GUID names no resource ({@code subscriptions/{id}}, a product's {@code skuId}) rather than a bad request.
     */
    public static UUID resource(String segment) {
        return of(segment).orElseThrow(() -> GraphException.notFound(segment));
    }
}
