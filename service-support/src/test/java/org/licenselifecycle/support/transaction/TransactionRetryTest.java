package org.licenselifecycle.support.transaction;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * service-support's TransactionRetry: a transaction PostgreSQL aborts as the loser of a deadlock or a
 * serialization check runs again, whole, in a new transaction, a bounded number of times; anything else
 * fails at once; a method inside its caller's transaction is not rerun alone.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class TransactionRetryTest {

    @Inject
    RetriedWork work;

    @Inject
    TransactionRetryConfig config;

    @ParameterizedTest(name = "through the ORM: {0}")
    @ValueSource(booleans = {false, true})
    void theLoserOfARealDeadlockRunsAgainInANewTransactionAndBothSucceed(boolean throughTheOrm) throws Exception {
        List<UUID> rows = work.twoRows();
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        List<Long> oneWay = Collections.synchronizedList(new ArrayList<>());
        List<Long> otherWay = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> lock(throughTheOrm, rows.get(0), rows.get(1),
                    bothHoldOne, oneWay), pool);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> lock(throughTheOrm, rows.get(1), rows.get(0),
                    bothHoldOne, otherWay), pool);

            CompletableFuture.allOf(first, second).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        // PostgreSQL aborts one of the two (the loser), which runs again; both then succeed (the futures completed).
        // On a loaded machine a rerun can lose once more, so "again" is at least once, not exactly once.
        List<Long> loser = oneWay.size() > 1 ? oneWay : otherWay;
        assertThat(oneWay.size() + otherWay.size()).as("runs: the deadlock's loser ran again").isGreaterThanOrEqualTo(3);
        assertThat(loser).as("each run is a transaction of its own").doesNotHaveDuplicates();
    }

    private void lock(boolean throughTheOrm, UUID first, UUID second, CyclicBarrier bothHoldOne, List<Long> runs) {
        try {
            work.lockRowsInOrder(throughTheOrm, first, second, bothHoldOne, runs);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"40P01", "40001"})
    void aTransactionThatLosesEveryRunIsTriedABoundedNumberOfTimesThenSaysSo(String sqlState) {
        AtomicInteger runs = new AtomicInteger();

        assertThatThrownBy(() -> work.run(() -> {
            runs.incrementAndGet();
            throw RetriedWork.lost(sqlState);
        })).isInstanceOfSatisfying(TransactionConflict.class, conflict -> {
            assertThat(conflict.status()).isEqualTo(503);
            assertThat(conflict.code()).isEqualTo("serviceNotAvailable");
        });
        assertThat(runs).hasValue(config.attempts());
    }

    @Test
    void otherFailuresAreNotTriedAgain() {
        AtomicInteger runs = new AtomicInteger();
        GraphException refusal = GraphException.badRequest("no");
        RuntimeException duplicate = new IllegalStateException("wrapped", new SQLException("duplicate key", "23505"));

        assertThatThrownBy(() -> work.run(() -> {
            runs.incrementAndGet();
            throw refusal;
        })).isSameAs(refusal);
        assertThatThrownBy(() -> work.run(() -> {
            runs.incrementAndGet();
            throw duplicate;
        })).isSameAs(duplicate);
        assertThat(runs).hasValue(2);
    }

    @Test
    void whenAPartOfATransactionLosesTheWholeTransactionRunsAgain() {
        AtomicInteger outerRuns = new AtomicInteger();
        AtomicInteger innerRuns = new AtomicInteger();

        work.run(() -> {
            outerRuns.incrementAndGet();
            work.run(() -> {
                if (innerRuns.incrementAndGet() == 1) {
                    throw RetriedWork.lost("40P01");
                }
            });
        });

        assertThat(innerRuns).hasValue(2);
        assertThat(outerRuns).as("the transaction's beginning ran again, not the inner part alone").hasValue(2);
    }

    @Test
    void aRequestWhoseTransactionKeepsLosingGetsGraphs503WithRetryAfterNeverA500() {
        String licenseAdmin = DevTokens.token(UUID.randomUUID(), DirectoryRole.LICENSE_ADMINISTRATOR);
        given().auth().oauth2(licenseAdmin).post("/test/always-loses")
                .then().statusCode(503)
                .header("Retry-After", "1")
                .body("error.code", equalTo("serviceNotAvailable"))
                .body("error.message", equalTo("Concurrent changes to the same objects conflicted with this request "
                        + config.attempts() + " times; nothing was changed. Try again."));
    }
}
