package org.licenselifecycle.licensing;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.events.Topics;

/** What licensing published on {@code licensing.license-events}, as the tests that read the broker see it. */
final class PublishedLicenseEvents {

    private PublishedLicenseEvents() {
    }

    /** Consumes, from the topic's beginning, the events keyed by the user until the task is closed. */
    static ConsumerTask<String, String> of(UUID user) {
        return UserEvents.companion().consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(Set.of(Topics.LICENSE_EVENTS), records -> records.filter(r -> user.toString().equals(r.key())));
    }
}
