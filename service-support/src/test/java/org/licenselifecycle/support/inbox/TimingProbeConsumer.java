package org.licenselifecycle.support.inbox;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.licenselifecycle.support.sql.Sql;

/**
 * The consumers {@link InboxOnKafkaTiming} times: two channels taken as the services' are (the Inbox, batched), fetching
 * as Kafka's defaults say and as the services' busy channels do, whose effect is one statement and a count, so that what it costs per record is the connector's, the Inbox's and the
 * broker's part.
 */
@ApplicationScoped
public class TimingProbeConsumer {

    static final String TOPIC = "inbox.timing-probe-events";
    static final String WAITING_TOPIC = "inbox.timing-probe-waiting-events";
    static final String CONSUMER = "service-support/inbox-timing-probe";

    private final Inbox inbox;
    private final Sql sql;
    private final AtomicInteger applied = new AtomicInteger();
    private final AtomicInteger appliedWaiting = new AtomicInteger();

    TimingProbeConsumer(Inbox inbox, Sql sql) {
        this.inbox = inbox;
        this.sql = sql;
    }

    /** The channel whose consumer fetches as Kafka's defaults say. */
    @Incoming("inbox-timing-probe")
    @Blocking
    public CompletionStage<Void> consume(Message<String> message) {
        return inbox.receive(CONSUMER, message, (type, event) -> {
            sql.first("SELECT 1", row -> true);
            applied.incrementAndGet();
        });
    }

    /** The channel whose consumer waits for a fetch to fill, as the services' busy channels. */
    @Incoming("inbox-timing-probe-waiting")
    @Blocking
    public CompletionStage<Void> consumeWaiting(Message<String> message) {
        return inbox.receive(CONSUMER + "-waiting", message, (type, event) -> {
            sql.first("SELECT 1", row -> true);
            appliedWaiting.incrementAndGet();
        });
    }

    int applied(String topic) {
        return topic.equals(WAITING_TOPIC) ? appliedWaiting.get() : applied.get();
    }
}
