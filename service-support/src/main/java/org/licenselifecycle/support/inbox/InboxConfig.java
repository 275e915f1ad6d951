package org.licenselifecycle.support.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** How consumers try a failing event again, and how long they remember the events they applied. */
@ConfigMapping(prefix = "inbox")
public interface InboxConfig {

    Retry retry();

    Batch batch();

    ProcessedEventRetention processedEvents();

    /**
     * Tries in place, before an event whose effect failed goes to the channel's delayed-retry topics: a few,
     * tens of milliseconds apart, so that a failing event never holds its partition for long.
     */
    interface Retry {

        /** Tries in place, the first included; 1 hands a failed event to the delayed-retry topics at once. */
        @WithDefault("3")
        int attempts();

        /** The wait before the second try; it doubles before each next one. */
        @WithDefault("PT0.02S")
        Duration backoff();

        /** The longest wait between two tries in place. */
        @WithDefault("PT0.1S")
        Duration maxBackoff();

        /**
         * The longest wait between two tries to record that an event joins its key's retry queue. Only a
         * database that cannot be reached fails that write, and then no event could be applied anyway.
         */
        @WithDefault("PT5S")
        Duration maxQueueBackoff();

        /** The waits between the tries in place, in order: what a failing event holds its partition for. */
        default List<Duration> waits() {
            List<Duration> waits = new ArrayList<>();
            Duration wait = backoff();
            for (int attempt = 1; attempt < attempts(); attempt++) {
                waits.add(wait);
                wait = Collections.min(List.of(wait.multipliedBy(2), maxBackoff()));
            }
            return waits;
        }
    }

    /**
     * How many of a channel's waiting records one transaction applies. Records wait only while the previous
     * transaction runs: an idle consumer applies a record at once, a busy one applies what came meanwhile together,
     * each event still recorded in processed_event with its effect. A transaction that fails is rolled back and its
     * records are applied one by one, so that one failing event holds back none of the others.
     */
    interface Batch {

        /**
         * The most records applied in one transaction; 1 applies each record on the caller's thread, as it comes.
         * Measured with lifecycle's LicenseRemoved (LicenseRemovedTiming): the CPU per event falls to about 100, then
         * rises again, Hibernate's flush before each query looking at every entity the transaction holds.
         */
        @WithDefault("100")
        int maxSize();

        /** Per channel (its {@code @Incoming} name), instead of {@code max-size}: {@code inbox.batch.channel."user-events"=1}. */
        @WithName("channel")
        Map<String, Integer> perChannel();

        /** The most records of {@code channel} applied in one transaction. */
        default int maxSize(String channel) {
            return Optional.ofNullable(perChannel().get(channel)).orElse(maxSize());
        }
    }

    /**
     * How long a consumer remembers an event it applied (processed_event), and a retry queue entry. Longer
     * than any topic keeps a record, dead-letter topics included, so that a redelivery or a replay of any
     * record still on the broker finds its event id.
     */
    interface ProcessedEventRetention {

        @WithDefault("P60D")
        Duration retention();

        /** How often the cleanup runs (a Quarkus scheduler period such as {@code 1h}, or {@code off}). */
        @WithDefault("1h")
        String cleanupEvery();

        /** Rows deleted per transaction. */
        @WithDefault("5000")
        int cleanupBatchSize();
    }
}
