package org.licenselifecycle.support.inbox;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.licenselifecycle.support.sql.Sql;

/**
 * The consumers {@link InboxOnKafkaTiming} times: two channels taken as the services' are (the Inbox, batched), fetching
 * as Kafka's defaults say (as the services' channels do) and waiting for a fetch to fill, whose effect is one statement and a count, so that what it costs per record is the connector's, the Inbox's and the
 * broker's part.
 */
@ApplicationScoped
public class TimingProbeConsumer {

    static final String TOPIC = "inbox.timing-probe-events";
    static final String WAITING_TOPIC = "inbox.timing-probe-waiting-events";
    static final String CONSUMER = "service-support/inbox-timing-probe";

    private final Inbox inbox;
    private final Sql sql;
    private final Map<String, AtomicInteger> applied = Map.of(TOPIC, new AtomicInteger(), WAITING_TOPIC, new AtomicInteger());

    TimingProbeConsumer(Inbox inbox, Sql sql) {
        this.inbox = inbox;
        this.sql = sql;
    }

    /** The channel whose consumer fetches as Kafka's defaults say. */
    @Incoming("inbox-timing-probe")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return applyOnce(TOPIC, CONSUMER, message);
    }

    /** The channel whose consumer waits for a fetch to fill (64 KB or 20 ms). */
    @Incoming("inbox-timing-probe-waiting")
    @Blocking
    public CompletionStage<Void> consumeWaiting(Message<String> message) {
        return applyOnce(WAITING_TOPIC, CONSUMER + "-waiting", message);
    }

    /** Both channels' one effect: a statement, and the topic's count. */
    private CompletionStage<Void> applyOnce(String topic, String consumer, Message<String> message) {
        return inbox.receive(consumer, message, (type, event) -> {
            sql.first("SELECT 1", row -> true);
            applied.get(topic).incrementAndGet();
        });
    }

    int applied(String topic) {
        return applied.get(topic).get();
    }
}
