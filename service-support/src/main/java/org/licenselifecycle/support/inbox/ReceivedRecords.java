package org.licenselifecycle.support.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One channel's records taken from the connector and not yet applied, in the order they came, with the one
 * thread that applies them: all that waits, up to a batch, at a time. The connector hands a record over and
 * moves on to the next, so that records pile up here (and are applied together) only while the previous batch
 * runs; the queue holds two batches, beyond which {@link #add} waits, which holds the connector's polling back.
 *
 * @param <R> a received record
 */
final class ReceivedRecords<R> {

    private static final Logger LOG = Logger.getLogger(ReceivedRecords.class);

    private final int maxBatch;
    private final BlockingQueue<R> waiting;
    private final Consumer<List<R>> apply;
    private final Thread applier;
    private volatile boolean stopping;

    ReceivedRecords(String channel, int maxBatch, Consumer<List<R>> apply) {
        this.maxBatch = maxBatch;
        this.waiting = new ArrayBlockingQueue<>(2 * maxBatch);
        this.apply = apply;
        this.applier = new Thread(this::run, "inbox-" + channel);
        this.applier.setDaemon(true);
        this.applier.start();
    }

    /**
     * Queues a record behind those already received.
     *
     * @return false when the calling thread was interrupted while the queue was full (it stays interrupted)
     */
    boolean add(R record) {
        try {
            waiting.put(record);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops applying; what still waits is not acknowledged, so the broker delivers it again after a restart. */
    void stop() {
        stopping = true;
        applier.interrupt();
    }

    private void run() {
        List<R> batch = new ArrayList<>(maxBatch);
        while (!stopping) {
            try {
                batch.add(waiting.take());
                waiting.drainTo(batch, maxBatch - 1);
                apply.accept(batch);
            } catch (InterruptedException e) {
                // stop() (then the loop ends), or an effect interrupted this thread, whose owner this class is
            } catch (RuntimeException e) {
                LOG.errorf(e, "Applying %d received records failed; they stay unacknowledged", batch.size());
            } finally {
                batch.clear();
                if (Thread.interrupted() && !stopping) {
                    LOG.debug("An effect interrupted the Inbox's thread; it goes on with the next records");
                }
            }
        }
    }
}
