package org.licenselifecycle.support.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.licenselifecycle.events.CloudEventHeaders;

/**
 * Publishes outbox events as CloudEvents 1.0 in binary mode: the data is the Kafka value, the
 * attributes are {@code ce_*} headers, the key is the user's id. The topic comes from the event. The connector's
 * OpenTelemetry instrumentation adds the W3C {@code traceparent} header, in the trace the event was written in.
 */
@ApplicationScoped
public class KafkaOutboxSender implements OutboxSender {

    private final MutinyEmitter<String> emitter;

    KafkaOutboxSender(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    @Override
    public CompletionStage<Void> send(PendingEvent event) {
        var kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(event.topic())
                .withKey(event.key())
                .build();
        var cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.id().toString())
                .withType(event.ceType())
                .withSource(URI.create(event.source()))
                .withSubject(event.key())
                .withTimestamp(event.occurredAt().atZone(ZoneOffset.UTC))
                .withDataContentType(CloudEventHeaders.JSON)
                .build();
        Message<String> described = Message.of(event.payload()).addMetadata(kafka).addMetadata(cloudEvent);
        // the connector's producer span becomes a child of the request's span and writes its traceparent header
        Message<String> message = event.trace().present()
                ? described.addMetadata(TracingMetadata.withCurrent(event.trace().context())) : described;
        // Subscribed outside the relay's transaction: context propagation would otherwise hand that
        // transaction to the producer thread that completes the ack, and the relay's commit could find
        // it still active there (ARJUNA012094) and roll back the rows it had just marked sent.
        return QuarkusTransaction.suspendingExisting()
                .call(() -> emitter.sendMessage(message).subscribeAsCompletionStage());
    }
}
