package org.licenselifecycle.contract.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Graph collection response: {@code @odata.context}, the number of items of all pages when {@code $count=true}
 * asked for it ({@code @odata.count}), the page of {@code value}, and an absolute {@code @odata.nextLink} when
 * there is more, which names the next page by its {@code $skiptoken}. The services write it; the console reads it
 * and passes the skiptoken on in its own links.
 */
@JsonPropertyOrder({"@odata.context", "@odata.count", "@odata.nextLink", "value"})
public record ODataCollection<T>(
        @JsonProperty("@odata.context") String context,
        @JsonProperty("@odata.count") @JsonInclude(JsonInclude.Include.NON_NULL) Long count,
        @JsonProperty("@odata.nextLink") @JsonInclude(JsonInclude.Include.NON_NULL) String nextLink,
        List<T> value) {

    /** A collection without {@code @odata.count}. */
    public ODataCollection(String context, String nextLink, List<T> value) {
        this(context, null, nextLink, value);
    }

    /** The {@code $skiptoken} of this page's nextLink; null on the last page. */
    @JsonIgnore
    public String skipToken() {
        return skipTokenOf(nextLink);
    }

    /** The {@code $skiptoken} of a nextLink; null when there is no next page. */
    public static String skipTokenOf(String nextLink) {
        String query = nextLink == null ? null : URI.create(nextLink).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("$skiptoken=") || parameter.startsWith("%24skiptoken=")) {
                return URLDecoder.decode(parameter.substring(parameter.indexOf('=') + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
