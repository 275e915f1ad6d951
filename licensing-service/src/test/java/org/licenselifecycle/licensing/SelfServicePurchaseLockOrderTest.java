package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.SubscriptionLife.BOUGHT;
import static org.licenselifecycle.licensing.SubscriptionLife.DELETED;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.licensing.subscriptions.SubscriptionLifeJob;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.testsupport.Rig;

/**
 * A self-service purchase's row is locked before its users by everything that changes both: its deletion by the
 * subscription life job (the purchase, then its holders), and a holder's deletion or restore on the user-events path,
 * which locks the purchases the user holds or held before the user ({@code SeatMoves}' lock order). So neither waits
 * for the other in a cycle: a user's deletion or restore waiting for the purchase holds no user lock, and a deletion of
 * the purchase due while a holder's deletion waits for that holder skips the purchase, busy, instead of waiting.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class SelfServicePurchaseLockOrderTest {

    private static final Duration AT_MOST = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MovableClock clock;

    @Inject
    SubscriptionLifeJob life;

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void releaseTheClock() {
        clock.release();
        pool.shutdownNow();
    }

    /**
     * The life job holds the purchase (its step's lock) and would lock its holders next. A holder's deletion arriving
     * meanwhile waits for the purchase before it locks the holder, so the job's next lock is free.
     */
    @Test
    void aHoldersDeletionWaitingForThePurchaseHoldsNotTheHolder() throws Exception {
        TestTenant tenant = new TestTenant();
        UUID holder = tenant.newUser();
        String purchase = tenant.buySelfService(holder, APPS_FOR_BUSINESS, 2, List.of(holder));

        try (Connection job = dataSource.getConnection()) {
            job.setAutoCommit(false);
            lock(job, "SELECT 1 FROM subscription WHERE id = ?::uuid FOR UPDATE", purchase);
            UserEvents.publish(UUID.randomUUID(), holder, deleted(tenant, holder));
            awaitBlockedBy(job);

            assertThatCode(() -> lock(job, "SELECT 1 FROM directory_user WHERE user_id = ? FOR UPDATE NOWAIT", holder))
                    .as("the deletion waiting for the purchase holds no lock on its user").doesNotThrowAnyException();
            job.commit();
        }

        await().atMost(AT_MOST).until(() -> givenOut(purchase) == 0);
        assertThat(OutboxEvents.removed(dataSource, holder)).singleElement()
                .satisfies(removed -> assertThat(removed.skuId()).isEqualTo(APPS_FOR_BUSINESS));
    }

    /**
     * Another change of the purchase holds it (a colleague's deletion on another replica: it frees the colleague's
     * license). A holder's deletion arriving meanwhile reads the purchase's count once that change committed, so the
     * license it frees counts on top of the colleague's, not over it.
     */
    @Test
    void aHoldersDeletionFreesItsLicenseOnTopOfAnotherChangeOfThePurchaseMeanwhile() throws Exception {
        TestTenant tenant = new TestTenant();
        UUID holder = tenant.newUser();
        UUID colleague = tenant.newUser();
        String purchase = tenant.buySelfService(holder, APPS_FOR_BUSINESS, 2, List.of(holder, colleague));

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            lock(other, "SELECT 1 FROM subscription WHERE id = ?::uuid FOR UPDATE", purchase);
            UserEvents.publish(UUID.randomUUID(), holder, deleted(tenant, holder));
            awaitBlockedBy(other);
            try (PreparedStatement colleaguesFreed = other.prepareStatement("UPDATE subscription SET self_service_assigned"
                    + " = self_service_assigned - 1 WHERE id = ?::uuid; DELETE FROM license_assignment WHERE user_id = ?")) {
                colleaguesFreed.setObject(1, purchase);
                colleaguesFreed.setObject(2, colleague);
                colleaguesFreed.execute();
            }
            other.commit();
        }

        await().atMost(AT_MOST).until(() -> OutboxEvents.removed(dataSource, holder).size() == 1);
        assertThat(givenOut(purchase)).as("licenses of the purchase given out").isZero();
    }

    /** The same for a restore, which gives the license back to its purchase. */
    @Test
    void aHoldersRestoreWaitingForThePurchaseHoldsNotTheHolder() throws Exception {
        TestTenant tenant = new TestTenant();
        UUID holder = tenant.newUser();
        String purchase = tenant.buySelfService(holder, APPS_FOR_BUSINESS, 2, List.of(holder));
        UserEvents.publish(UUID.randomUUID(), holder, deleted(tenant, holder));
        await().atMost(AT_MOST).until(() -> givenOut(purchase) == 0);

        try (Connection job = dataSource.getConnection()) {
            job.setAutoCommit(false);
            lock(job, "SELECT 1 FROM subscription WHERE id = ?::uuid FOR UPDATE", purchase);
            UserEvents.publish(UUID.randomUUID(), holder, new UserRestored(tenant.id, holder, upn(holder), tenant.adminOid,
                    Instant.now()));
            awaitBlockedBy(job);

            assertThatCode(() -> lock(job, "SELECT 1 FROM directory_user WHERE user_id = ? FOR UPDATE NOWAIT", holder))
                    .as("the restore waiting for the purchase holds no lock on its user").doesNotThrowAnyException();
            job.commit();
        }

        await().atMost(AT_MOST).until(() -> givenOut(purchase) == 1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM license_assignment WHERE user_id = ? AND "
                + "self_service_subscription_id = ?::uuid", holder, purchase)).isOne();
    }

    /**
     * A holder's deletion holds the purchase while it waits for the holder (another change of theirs holds them). The
     * purchase's deletion falls due then: the job finds it busy and leaves it, rather than waiting for the holder while
     * holding the purchase; the next run deletes it and takes the other holder's license, once.
     */
    @Test
    void aPurchaseDueWhileAHoldersDeletionWaitsIsLeftBusyAndDeletedByTheNextRun() throws Exception {
        TestTenant tenant = new TestTenant();
        UUID leaver = tenant.newUser();
        UUID stayer = tenant.newUser();
        clock.fixAt(BOUGHT);
        String purchase = given().auth().oauth2(DevTokens.token(tenant.id, leaver)).contentType(ContentType.JSON)
                .body(Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 2, "boughtBy", "SELF_SERVICE",
                        "recurringBilling", false, "assignTo", List.of(leaver, stayer)))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
        clock.fixAt(DELETED);

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            lock(other, "SELECT 1 FROM directory_user WHERE user_id = ? FOR UPDATE", leaver);
            UserEvents.publish(UUID.randomUUID(), leaver, deleted(tenant, leaver));
            awaitBlockedBy(other);

            Future<Integer> run = pool.submit(() -> life.run());
            await().atMost(AT_MOST).alias("the job does not wait for the leaver").until(run::isDone);
            run.get();
            assertThat(status(purchase)).as("left busy, not stepped").isEqualTo("Enabled");
            other.commit();
        }
        await().atMost(AT_MOST).until(() -> givenOut(purchase) == 1);

        life.run();

        assertThat(status(purchase)).isEqualTo("Deleted");
        assertThat(givenOut(purchase)).isZero();
        for (UUID user : List.of(leaver, stayer)) {
            assertThat(OutboxEvents.removed(dataSource, user)).as("removals of %s", user).singleElement();
        }
        assertThat(OutboxEvents.removed(dataSource, stayer).get(0).deletedSubscriptionId())
                .isEqualTo(UUID.fromString(purchase));
        assertThat(Db.count(dataSource, "SELECT count(*) FROM license_assignment WHERE user_id IN (?, ?)", leaver, stayer))
                .isZero();
    }

    private static UserDeleted deleted(TestTenant tenant, UUID user) {
        return new UserDeleted(tenant.id, user, upn(user), null, tenant.adminOid, Instant.now(),
                Instant.now().plus(Duration.ofDays(30)));
    }

    private static String upn(UUID user) {
        return "leaver-" + user + "@contoso.example";
    }

    private long givenOut(String purchase) {
        return Db.count(dataSource, "SELECT self_service_assigned FROM subscription WHERE id = ?::uuid", purchase);
    }

    private String status(String subscription) {
        return (String) Db.value(dataSource, "SELECT status FROM subscription WHERE id = ?::uuid", subscription);
    }

    /** Waits until a statement of the service waits for a lock {@code holder} holds. */
    private void awaitBlockedBy(Connection holder) throws SQLException {
        int pid;
        try (PreparedStatement backend = holder.prepareStatement("SELECT pg_backend_pid()");
                ResultSet row = backend.executeQuery()) {
            row.next();
            pid = row.getInt(1);
        }
        await().atMost(AT_MOST).until(() -> Boolean.TRUE.equals(Db.value(dataSource,
                "SELECT bool_or(? = ANY (pg_blocking_pids(pid))) FROM pg_stat_activity", pid)));
    }

    private static void lock(Connection connection, String sql, Object id) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(sql)) {
            lock.setObject(1, id);
            try (ResultSet row = lock.executeQuery()) {
                assertThat(row.next()).isTrue();
            }
        }
    }
}
