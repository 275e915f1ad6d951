package org.licenselifecycle.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;

/**
 * Reads and writes event data as the schemas describe it: ISO-8601 instants, unknown fields ignored
 * on read so that a producer may add optional fields without breaking consumers, and a field marked
 * {@link AddedLater} read as null from an event written before it existed. Any other missing field makes the
 * event malformed.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static String write(Record data) {
        try {
            return MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + data.getClass(), e);
        }
    }

    /** Reads event data; throws {@link MalformedEventException} when it does not fit the type. */
    public static <T extends Record> T read(String json, Class<T> type) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            absentAsNull(tree, type);
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Event data is not a valid " + type.getSimpleName(), e);
        }
    }

    /** Puts a null where {@code json} lacks a field of {@code type} added later, in it and in the records it holds. */
    private static void absentAsNull(JsonNode json, Class<?> type) {
        if (!(json instanceof ObjectNode object) || !type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonNode value = object.get(component.getName());
            if (value == null && component.isAnnotationPresent(AddedLater.class)) {
                object.putNull(component.getName());
            } else if (value != null && value.isArray()
                    && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> element) {
                value.forEach(item -> absentAsNull(item, element));
            } else if (value != null) {
                absentAsNull(value, component.getType());
            }
        }
    }
}
