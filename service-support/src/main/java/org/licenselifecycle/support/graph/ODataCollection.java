package org.licenselifecycle.support.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A Graph collection response: {@code @odata.context}, the number of items of all pages when {@code $count=true}
 * asked for it ({@code @odata.count}), the page of {@code value}, and an absolute {@code @odata.nextLink} when
 * there is more.
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
}
