package org.licenselifecycle.support.inbox;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
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
 *
 * <p>A type's effect may take several events at once ({@link #onTogether}): within a batch the Inbox hands it each run of
 * consecutive first deliveries of the types it applies in one call, so that it can apply them in a few statements instead of a few
 * per event; one by one it gets a list of one.
 */
public final class EventEffects implements BiConsumer<EventType, IncomingEvent> {

    private final Map<EventType, Consumer<List<IncomingEvent>>> effects;
    private final Map<EventType, Boolean> together;

    private EventEffects(Map<EventType, Consumer<List<IncomingEvent>>> effects, Map<EventType, Boolean> together) {
        this.effects = effects;
        this.together = together;
    }

    /** Effects that apply {@code type}'s events with {@code effect}; {@link #on} adds the other types. */
    public static EventEffects of(EventType type, Consumer<IncomingEvent> effect) {
        return none().on(type, effect);
    }

    /** Effects that apply {@code type}'s events with {@code effect}, several at once ({@link #onTogether}). */
    public static EventEffects ofTogether(EventType type, Consumer<List<IncomingEvent>> effect) {
        return none().onTogether(type, effect);
    }

    private static EventEffects none() {
        return new EventEffects(new EnumMap<>(EventType.class), new EnumMap<>(EventType.class));
    }

    /** These effects, and {@code type}'s events applied with {@code effect}. */
    public EventEffects on(EventType type, Consumer<IncomingEvent> effect) {
        return with(type, events -> events.forEach(effect), false);
    }

    /**
     * These effects, and {@code type}'s events applied with {@code effect}, which takes several events at once: it must
     * leave what applying them one after the other, in the list's order, would leave (a key may come more than once),
     * and throw if any of them cannot be applied (the Inbox then applies them one by one, each in a list of one). The
     * same effect registered for several types gets their events mixed, in order (each event says its type).
     */
    public EventEffects onTogether(EventType type, Consumer<List<IncomingEvent>> effect) {
        return with(type, effect, true);
    }

    private EventEffects with(EventType type, Consumer<List<IncomingEvent>> effect, boolean severalAtOnce) {
        Map<EventType, Consumer<List<IncomingEvent>>> more = new EnumMap<>(EventType.class);
        more.putAll(effects);
        if (more.putIfAbsent(type, effect) != null) {
            throw new IllegalArgumentException(type + " has an effect already");
        }
        Map<EventType, Boolean> moreTogether = new EnumMap<>(EventType.class);
        moreTogether.putAll(together);
        moreTogether.put(type, severalAtOnce);
        return new EventEffects(more, moreTogether);
    }

    /** Whether these effects apply events of {@code type}. */
    public boolean applies(EventType type) {
        return effects.containsKey(type);
    }

    /**
     * {@code type}'s effect when it takes several events at once ({@link #onTogether}), else empty. Consecutive events
     * whose types share one such effect (registered for each of them) can go to it in one call.
     */
    Optional<Consumer<List<IncomingEvent>>> togetherEffect(EventType type) {
        return Boolean.TRUE.equals(together.get(type)) ? Optional.of(effects.get(type)) : Optional.empty();
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
        Consumer<List<IncomingEvent>> effect = effects.get(type);
        if (effect != null) {
            effect.accept(List.of(event));
        }
    }
}
