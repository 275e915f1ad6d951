package org.licenselifecycle.support.outbox;

import java.util.concurrent.CompletionStage;

/** Sends one outbox event to the broker; the stage completes when the broker has acknowledged it. */
public interface OutboxSender {
    CompletionStage<Void> send(PendingEvent event);
}
