package org.licenselifecycle.support.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventType;

/** Which records a consumer passes over from their {@code ce_type} header alone, and which effect applies an event. */
class EventEffectsTest {

    private final List<String> applied = new ArrayList<>();
    private final EventEffects effects = EventEffects
            .of(EventType.LICENSE_ASSIGNED, event -> applied.add("assigned " + event.id()))
            .on(EventType.LICENSE_REMOVED, event -> applied.add("removed " + event.id()));

    @Test
    void aRecordOfAnotherTypeOfTheContractIsPassedOver() {
        assertThat(effects.passesOver(record(EventType.LICENSE_ASSIGNMENT_STATES_CHANGED.ceType()))).isTrue();
        assertThat(effects.passesOver(record(EventType.GROUP_LICENSES_CHANGED.ceType()))).isTrue();
    }

    @Test
    void aRecordOfATypeTheEffectsApplyIsNotPassedOver() {
        assertThat(effects.passesOver(record(EventType.LICENSE_ASSIGNED.ceType()))).isFalse();
        assertThat(effects.passesOver(record(EventType.LICENSE_REMOVED.ceType()))).isFalse();
    }

    @Test
    void aRecordOfATypeThisReleaseDoesNotKnowIsPassedOver() {
        assertThat(effects.passesOver(record("org.licenselifecycle.licensing.LicenseSuspended.v1"))).isTrue();
    }

    @Test
    void aRecordWithoutATypeIsNotPassedOverSoThatItReachesTheDeadLetterTopic() {
        assertThat(effects.passesOver(record(null))).isFalse();
    }

    @Test
    void eachEventIsAppliedByItsTypesEffectAndAnotherTypeChangesNothing() {
        UUID assigned = UUID.randomUUID();
        UUID removed = UUID.randomUUID();
        UUID states = UUID.randomUUID();

        effects.accept(EventType.LICENSE_ASSIGNED, event(assigned, EventType.LICENSE_ASSIGNED));
        effects.accept(EventType.LICENSE_ASSIGNMENT_STATES_CHANGED, event(states, EventType.LICENSE_ASSIGNMENT_STATES_CHANGED));
        effects.accept(EventType.LICENSE_REMOVED, event(removed, EventType.LICENSE_REMOVED));

        assertThat(applied).containsExactly("assigned " + assigned, "removed " + removed);
    }

    @Test
    void anEffectThatTakesSeveralEventsAtOnceGetsAListOfOneWhenAnEventIsAppliedAlone() {
        List<List<UUID>> calls = new ArrayList<>();
        EventEffects together = EventEffects.ofTogether(EventType.LICENSE_REMOVED,
                events -> calls.add(events.stream().map(IncomingEvent::id).toList()));
        UUID removed = UUID.randomUUID();

        together.accept(EventType.LICENSE_REMOVED, event(removed, EventType.LICENSE_REMOVED));

        assertThat(calls).containsExactly(List.of(removed));
        assertThat(together.togetherEffect(EventType.LICENSE_REMOVED)).isPresent();
        assertThat(effects.togetherEffect(EventType.LICENSE_REMOVED)).isEmpty();
    }

    @Test
    void aTypeGetsOneEffect() {
        assertThatThrownBy(() -> effects.on(EventType.LICENSE_REMOVED, event -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> effects.onTogether(EventType.LICENSE_REMOVED, events -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ConsumerRecord<String, String> record(String ceType) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("licensing.license-events", 0, 0L, "key", "{}");
        if (ceType != null) {
            record.headers().add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private static IncomingEvent event(UUID id, EventType type) {
        return new IncomingEvent(id, type.ceType(), Optional.of(type), "/licensing-service", Instant.now(), "key", "{}");
    }
}
