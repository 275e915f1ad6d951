package org.licenselifecycle.licensing.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** One Graph entity as a GET by key returns it: {@code @odata.context} ({@code …#set/$entity}), then its properties. */
@ApplicationScoped
public class GraphEntity {

    private final ObjectMapper mapper;

    GraphEntity(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** E.g. {@code entitySet = "subscribedSkus"} gives {@code …/v1.0/$metadata#subscribedSkus/$entity}. */
    public Map<String, Object> of(UriInfo uri, String entitySet, Object entity) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        rendered.put("@odata.context", ODataContext.of(uri, entitySet + "/$entity"));
        @SuppressWarnings("unchecked")
        Map<String, Object> properties = mapper.convertValue(entity, Map.class);
        rendered.putAll(properties);
        return rendered;
    }
}
