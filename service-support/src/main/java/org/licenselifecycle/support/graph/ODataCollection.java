package org.licenselifecycle.support.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A Graph collection response: {@code @odata.context}, the page of {@code value}, and an absolute
 * {@code @odata.nextLink} when there is more.
 */
@JsonPropertyOrder({"@odata.context", "@odata.nextLink", "value"})
public record ODataCollection<T>(
        @JsonProperty("@odata.context") String context,
        @JsonProperty("@odata.nextLink") @JsonInclude(JsonInclude.Include.NON_NULL) String nextLink,
        List<T> value) {
}
