package org.licenselifecycle.licensing.licenses;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts license changes for Prometheus as {@code license_changes_total{operation="assign|unassign",
 * result="success|refused"}}: one per call that adds (assign) or removes (unassign) licenses, whatever page or API
 * it came from and however many users it names. Success is counted at commit, so a change rolled back later is not
 * one; a Graph refusal is counted when it is thrown. No user or tenant is a tag.
 */
@ApplicationScoped
public class LicenseChangeMetrics {

    /** What a change does; a call that adds and removes is both. */
    enum Operation { ASSIGN, UNASSIGN }

    private final MeterRegistry metrics;
    private final TransactionSynchronizationRegistry transactions;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    LicenseChangeMetrics(MeterRegistry metrics, TransactionSynchronizationRegistry transactions) {
        this.metrics = metrics;
        this.transactions = transactions;
    }

    static Set<Operation> of(LicenseChange change) {
        Set<Operation> operations = EnumSet.noneOf(Operation.class);
        if (!change.add().isEmpty()) {
            operations.add(Operation.ASSIGN);
        }
        if (!change.remove().isEmpty()) {
            operations.add(Operation.UNASSIGN);
        }
        return operations;
    }

    /** The change went through: counted as a success if its transaction commits. */
    void succeededAtCommit(Set<Operation> operations) {
        Set<Operation> counted = Set.copyOf(operations);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counted.forEach(operation -> increment(operation, "success"));
                }
            }
        });
    }

    /** Graph's rules refused the change. */
    void refused(Set<Operation> operations) {
        operations.forEach(operation -> increment(operation, "refused"));
    }

    private void increment(Operation operation, String result) {
        // registered once per operation and result: looking a meter up by its tags costs more than counting
        counters.computeIfAbsent(operation.name() + "/" + result, key -> Counter.builder("license.changes")
                .description("License assigns and unassigns by result")
                .tag("operation", operation.name().toLowerCase(Locale.ROOT)).tag("result", result)
                .register(metrics)).increment();
    }
}
