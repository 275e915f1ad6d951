package org.licenselifecycle.console.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.console.services.ServiceError;

/**
 * A bulk operation moves on user by user in the background: its progress counts the users handled, each user keeps
 * what happened to them (the service's refusal in its words, a timeout, a console fault), one failure does not stop
 * the others, and the operation is shown only to its owner and only for an hour.
 */
class BulkOperationsTest {

    private static final String OWNER = "aaaaaaaa-0000-4000-8000-000000000001";
    private static final String SKU = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final Instant START = Instant.parse("2026-11-27T10:15:30Z");

    private final MovingClock clock = new MovingClock(START);
    private final BulkOperations operations = new BulkOperations(clock);

    @AfterEach
    void stop() {
        operations.stop();
    }

    @Test
    void eachUserGetsTheirOwnResultAndOneFailureDoesNotStopTheOthers() {
        List<BulkOperation.Step> steps = List.of(step("u1", "Adele"), step("u2", "Alex"), step("u3", "Megan"),
                step("u4", "Lee"), step("u5", "Diego"));
        BulkOperation operation = operations.start(request(steps), Titles.unassignProduct("Business Premium"), steps,
                step -> switch (step.displayName) {
                    case "Alex" -> throw new ServiceError(400, "Request_BadRequest", "User does not have a corresponding license");
                    case "Megan" -> throw new ProcessingException("read timed out");
                    case "Lee" -> throw new IllegalStateException("a bug");
                    default -> "Unassigned from " + step.displayName;
                });

        await().atMost(Duration.ofSeconds(10)).until(operation::finished);

        assertThat(operation.total()).isEqualTo(5);
        assertThat(operation.handled()).isEqualTo(5);
        assertThat(operation.failures()).isEqualTo(3);
        assertThat(operation.title).isEqualTo("Unassign Business Premium");
        assertThat(operation.doneLink).isEqualTo("/licenses/" + SKU);
        assertThat(operation.steps).extracting(BulkOperation.Step::status).containsExactly(BulkOperation.Status.DONE,
                BulkOperation.Status.FAILED, BulkOperation.Status.FAILED, BulkOperation.Status.FAILED,
                BulkOperation.Status.DONE);
        assertThat(operation.steps).extracting(BulkOperation.Step::result).containsExactly("Unassigned from Adele",
                "User does not have a corresponding license",
                "The service did not answer in time: look at this user's licenses before trying again.",
                "Something went wrong on the console; this user may not have been changed.",
                "Unassigned from Diego");
    }

    @Test
    void progressCountsTheUsersHandledWhileTheRestWait() throws InterruptedException {
        List<BulkOperation.Step> steps = List.of(step("u1", "Adele"), step("u2", "Alex"), step("u3", "Megan"));
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BulkOperation operation = operations.start(request(steps), Titles.UNASSIGN_ALL, steps, step -> {
            if (step.displayName.equals("Alex")) {
                secondStarted.countDown();
                waitFor(release);
            }
            return "Done";
        });
        try {
            assertThat(secondStarted.await(10, TimeUnit.SECONDS)).isTrue();

            assertThat(operation.handled()).isEqualTo(1);
            assertThat(operation.finished()).isFalse();
            assertThat(operation.steps.get(1).status()).isEqualTo(BulkOperation.Status.WAITING);
            assertThat(operation.steps.get(2).result()).isEqualTo("Waiting");
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(10)).until(operation::finished);
        assertThat(operation.failures()).isZero();
    }

    @Test
    void anOperationIsFoundByItsOwnerOnly() {
        List<BulkOperation.Step> steps = List.of(step("u1", "Adele"));
        BulkOperation operation = operations.start(request(steps), Titles.UNASSIGN_ALL, steps, step -> "Done");

        assertThat(operations.find(operation.id, OWNER)).containsSame(operation);
        assertThat(operations.find(operation.id, OWNER.toUpperCase())).containsSame(operation);
        assertThat(operations.find(operation.id, "aaaaaaaa-0000-4000-8000-000000000002")).isEmpty();
        assertThat(operations.find("no-such-operation", OWNER)).isEmpty();
    }

    @Test
    void anOperationIsKeptForAnHourAfterItStarted() {
        List<BulkOperation.Step> steps = List.of(step("u1", "Adele"));
        BulkOperation old = operations.start(request(steps), Titles.UNASSIGN_ALL, steps, step -> "Done");

        clock.now = START.plus(BulkOperations.KEPT_FOR);
        operations.start(request(steps), Titles.UNASSIGN_ALL, steps, step -> "Done");
        assertThat(operations.find(old.id, OWNER)).as("an hour old: still kept").isPresent();

        clock.now = START.plus(BulkOperations.KEPT_FOR).plusSeconds(1);
        operations.start(request(steps), Titles.UNASSIGN_ALL, steps, step -> "Done");
        assertThat(operations.find(old.id, OWNER)).as("older than an hour: forgotten").isEmpty();
    }

    @Test
    void anAllOrNothingOperationMakesOneCallAndEveryUserShowsItsResult() {
        List<BulkOperation.Step> steps = List.of(step("u1", "Adele"), step("u2", "Alex"));
        List<List<String>> calls = new CopyOnWriteArrayList<>();
        BulkOperation operation = operations.startTogether(request(steps), Titles.unassignProduct("Business Premium"),
                steps, all -> {
                    calls.add(all.stream().map(s -> s.userId).toList());
                    return Map.of("u1", "Business Premium unassigned.", "u2", "Business Premium unassigned.");
                });

        await().atMost(Duration.ofSeconds(10)).until(operation::finished);

        assertThat(calls).containsExactly(List.of("u1", "u2"));
        assertThat(operation.failures()).isZero();
        assertThat(operation.steps).extracting(BulkOperation.Step::result)
                .containsExactly("Business Premium unassigned.", "Business Premium unassigned.");
    }

    @Test
    void aRefusedAllOrNothingOperationLeavesEveryUserUnchangedAndEachRowSaysWhy() {
        List<BulkOperation.Step> steps = List.of(step("u1", "Adele"), step("u2", "Alex"));
        BulkOperation operation = operations.startTogether(request(steps), Titles.unassignProduct("Business Premium"),
                steps, all -> {
                    throw new ServiceError(400, "Request_BadRequest", "User u2 does not exist in this tenant.");
                });

        await().atMost(Duration.ofSeconds(10)).until(operation::finished);

        assertThat(operation.failures()).isEqualTo(2);
        assertThat(operation.steps).extracting(BulkOperation.Step::result).containsExactly(
                "The change is all or nothing, and it was refused: User u2 does not exist in this tenant.",
                "User u2 does not exist in this tenant.");
    }

    private OperationRequest request(List<BulkOperation.Step> steps) {
        return OperationRequest.unassignProduct(OWNER, clock.instant(), SKU,
                steps.stream().map(s -> "00000000-0000-4000-8000-00000000000" + s.userId.substring(1)).toList());
    }

    private static BulkOperation.Step step(String userId, String displayName) {
        return new BulkOperation.Step(userId, displayName, displayName.toLowerCase() + "@contoso.example");
    }

    private static void waitFor(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        volatile Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
