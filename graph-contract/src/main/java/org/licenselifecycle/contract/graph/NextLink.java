package org.licenselifecycle.contract.graph;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The one way a list writes its {@link ODataCollection#nextLink() @odata.nextLink}: the list's absolute URL, the
 * options the page was asked with, and last the {@code $skiptoken} that says where the next page starts. Written out
 * as Graph writes it: the {@code $} of the option names as is (a {@code UriBuilder} would encode it), values
 * percent-encoded with spaces as {@code %20}. The console reads the token back with
 * {@link ODataCollection#skipTokenOf(String)}.
 * <p>A list whose token is a position of its own, not meant to be read by clients, seals it ({@link #seal}) and opens
 * it again ({@link #open}): Base64url of a kind and version prefix (e.g. {@code u1:}) and the position, so a token of
 * one list is never read as another's.
 */
public final class NextLink {

    private final StringBuilder link;
    private char separator = '?';

    private NextLink(String url) {
        this.link = new StringBuilder(url);
    }

    /** The link to a list at {@code path} under the service's base URI, e.g. {@code v1.0/users}. */
    public static NextLink to(String baseUri, String path) {
        return new NextLink((baseUri.endsWith("/") ? baseUri : baseUri + "/") + path);
    }

    /** The link to a list at its absolute URL, e.g. the request's own absolute path. */
    public static NextLink to(URI absolutePath) {
        return new NextLink(absolutePath.toString());
    }

    /**
     * A value to write as one segment of a list's path, percent-encoded: a userPrincipalName, say a guest's
     * {@code ada_fabrikam.com#EXT#@contoso.com}, whose {@code #} written raw would end the path and begin a fragment.
     */
    public static String segment(String value) {
        return encode(value);
    }

    /** Adds {@code $name=value}, the value percent-encoded. */
    public NextLink option(String name, Object value) {
        link.append(separator).append('$').append(name).append('=').append(encode(String.valueOf(value)));
        separator = '&';
        return this;
    }

    /** Adds {@code $name=value} when there is a value. */
    public NextLink option(String name, Optional<String> value) {
        value.ifPresent(present -> option(name, present));
        return this;
    }

    /** Adds {@code $name=a,b,c} when the list is not empty: names ({@code $select}), commas kept as Graph writes them. */
    public NextLink names(String name, List<String> names) {
        if (!names.isEmpty()) {
            link.append(separator).append('$').append(name).append('=')
                    .append(String.join(",", names.stream().map(NextLink::encode).toList()));
            separator = '&';
        }
        return this;
    }

    /** Adds {@code $count=true} when the page was asked to count. */
    public NextLink count(boolean count) {
        return count ? option("count", "true") : this;
    }

    /** The whole link, with {@code $skiptoken} last. */
    public String skipToken(String token) {
        return option("skiptoken", token).link.toString();
    }

    /** An opaque {@code $skiptoken}: {@code kind} (e.g. {@code g1:}) and the position, Base64url without padding. */
    public static String seal(String kind, String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a token {@link #seal sealed} with {@code kind} holds; empty for any other token. */
    public static Optional<String> open(String token, String kind) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return decoded.startsWith(kind) ? Optional.of(decoded.substring(kind.length())) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The 400 for a {@code $skiptoken} the list did not issue. */
    public static GraphException invalidSkipToken(String token) {
        return GraphException.badRequest("The $skiptoken '" + token + "' is not valid; use the @odata.nextLink as returned.");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
