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
import java.util.Arrays;
import java.util.List;

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

    /**
     * Each record type's components as {@link #absentAsNull} needs them, read once per type: the reflection behind them
     * (the class file's record and annotation attributes, the generic signature) runs again at each call, and read at
     * each event it made a LicenseRemoved's read take 124 us instead of 32-46 (deploy/local/bench/README.md).
     */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            return type.isRecord() ? Arrays.stream(type.getRecordComponents()).map(Component::of).toList() : List.of();
        }
    };

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
        if (!(json instanceof ObjectNode object)) {
            return;
        }
        for (Component component : COMPONENTS.get(type)) {
            JsonNode value = object.get(component.name());
            if (value == null) {
                if (component.addedLater()) {
                    object.putNull(component.name());
                }
            } else if (value.isArray() && component.element() != null) {
                value.forEach(item -> absentAsNull(item, component.element()));
            } else {
                absentAsNull(value, component.type());
            }
        }
    }

    /** A record component: its name, whether it was added later, its type and, for a list, its elements' class. */
    private record Component(String name, boolean addedLater, Class<?> type, Class<?> element) {

        static Component of(RecordComponent component) {
            Class<?> element = component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] instanceof Class<?> elements ? elements : null;
            return new Component(component.getName(), component.isAnnotationPresent(AddedLater.class),
                    component.getType(), element);
        }
    }
}
