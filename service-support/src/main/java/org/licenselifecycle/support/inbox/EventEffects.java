package org.licenselifecycle.support.inbox;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventType;

/**
 * What a consumer does with each event type it applies, and so which types it does not apply: the {@link Inbox}
 * acknowledges a record of any other type from its {@code ce_type} header alone, before reading the record or opening a
 * transaction (a topic carries types that only some of its consumers apply: lifecycle applies two of licensing's four).
 * A record without a {@code ce_type} header is read as usual, so that it reaches the dead-letter topic.
 */
public final class EventEffects implements BiConsumer<EventType, IncomingEvent> {

    private final Map<EventType, Consumer<IncomingEvent>> effects;

    private EventEffects(Map<EventType, Consumer<IncomingEvent>> effects) {
        this.effects = effects;
    }

    /** Effects that apply {@code type}'s events with {@code effect}; {@link #on} adds the other types. */
    public static EventEffects of(EventType type, Consumer<IncomingEvent> effect) {
        return new EventEffects(new EnumMap<>(EventType.class)).on(type, effect);
    }

    /** These effects, and {@code type}'s events applied with {@code effect}. */
    public EventEffects on(EventType type, Consumer<IncomingEvent> effect) {
        Map<EventType, Consumer<IncomingEvent>> more = new EnumMap<>(EventType.class);
        more.putAll(effects);
        if (more.putIfAbsent(type, effect) != null) {
            throw new IllegalArgumentException(type + " has an effect already");
        }
        return new EventEffects(more);
    }

    /** Whether these effects apply events of {@code type}. */
    public boolean applies(EventType type) {
        return effects.containsKey(type);
    }

    /**
     * Whether the record, by its {@code ce_type} header alone, is of a type these effects do not apply: of another of
     * the contract's types, or of a type this release does not know (a newer producer). False without the header.
     */
    boolean passesOver(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (header == null || header.value() == null) {
            return false;
        }
        Optional<EventType> type = EventType.fromCeType(new String(header.value(), StandardCharsets.UTF_8));
        return type.isEmpty() || !applies(type.get());
    }

    /** Applies the event with its type's effect; an event of a type these effects do not apply changes nothing. */
    @Override
    public void accept(EventType type, IncomingEvent event) {
        Consumer<IncomingEvent> effect = effects.get(type);
        if (effect != null) {
            effect.accept(event);
        }
    }
}
