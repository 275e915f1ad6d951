package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.SubscriptionLife.DELETED;
import static org.licenselifecycle.licensing.SubscriptionLife.DISABLED;
import static org.licenselifecycle.licensing.SubscriptionLife.ENDS;
import static org.licenselifecycle.licensing.TestTenant.add;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * A subscription's deletion whose holders have groups settles them again ({@code GroupLicensing.licensesTaken}), which
 * moves seats of their groups' other products; a direct change of a member moves seats at the same time. Both take
 * users in id order, then seat rows in the one product order ({@code SeatMoves}), so neither waits for the other in a
 * cycle: no deadlock, each completes, and every seat counted is a license held.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class SubscriptionDeletionLockOrderTest {

    @Inject
    SubscriptionLife life;

    @Inject
    AgroalDataSource dataSource;

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    /**
     * Apps for business comes before Office 365 E3 in product order. A direct change holding Apps' seat row (as one
     * releasing both does, between its two seat moves) makes the deletion wait; while it waits it must not hold E3's,
     * which the direct change takes next, or the two would wait for each other.
     */
    @Test
    void aDeletionWaitingForASeatRowADirectChangeHoldsHoldsNoLaterOne() throws Exception {
        Members members = membersOfTwoGroups();

        Future<Integer> deletion;
        try (Connection direct = dataSource.getConnection()) {
            direct.setAutoCommit(false);
            lockSeatRow(direct, members.tenant, APPS_FOR_BUSINESS, "");
            deletion = pool.submit(() -> life.run());
            awaitBlockedBy(direct);

            // the direct change's next seat row is free: the deletion holds no seat row after the one it waits for
            assertThatCode(() -> lockSeatRow(direct, members.tenant, OFFICE_365_E3, " NOWAIT")).doesNotThrowAnyException();
            direct.commit();
        }

        assertThat(deletion.get(60, TimeUnit.SECONDS)).isPositive();
        members.deleted();
    }

    /**
     * A deletion that loses a deadlock all the same (to a transaction that holds a seat row it waits for, then waits
     * for one of its users, and never gives up first) is rolled back whole and left for the job's next run: nothing of
     * it is seen meanwhile, then all of it, once.
     */
    @Test
    void aDeletionLosingADeadlockIsRolledBackWholeAndDoneByALaterRun() throws Exception {
        Members members = membersOfTwoGroups();
        int[] seatsBefore = members.tenant.seats(OFFICE_365_E3);

        Future<Integer> run;
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement patient = other.prepareStatement("SET LOCAL deadlock_timeout = '60s'")) {
                patient.execute();
            }
            lockSeatRow(other, members.tenant, APPS_FOR_BUSINESS, "");
            run = pool.submit(() -> life.run());
            awaitBlockedBy(other);
            // waits for the user the deletion holds: a cycle, which PostgreSQL breaks by rolling the deletion back
            try (PreparedStatement lockUser = other.prepareStatement(
                    "SELECT 1 FROM directory_user WHERE user_id = ? FOR UPDATE")) {
                lockUser.setObject(1, members.ada);
                lockUser.executeQuery().close();
            }

            // the deletion was rolled back whole: the license, its seat, no LicenseRemoved, the subscription not deleted
            assertThat(status(members.ending)).isNotEqualTo("Deleted");
            assertThat(Db.count(dataSource, "SELECT count(*) FROM license_assignment WHERE user_id = ? AND sku_id = ?",
                    members.ada, OFFICE_365_E3)).isOne();
            assertThat(OutboxEvents.removed(dataSource, members.ada)).isEmpty();
            assertThat(members.tenant.seats(OFFICE_365_E3)).containsExactly(seatsBefore);
            other.commit();
        }
        run.get(60, TimeUnit.SECONDS);
        life.run();

        members.deleted();
        assertThat(OutboxEvents.removed(dataSource, members.ada)).singleElement()
                .satisfies(removed -> assertThat(removed.skuId()).isEqualTo(OFFICE_365_E3));
    }

    /**
     * Ada inherits Office 365 E3 from Sales, from a subscription that ends, and Apps for business from Apps, which had
     * no seat left for her (Error / CountViolation); one was bought since, which settling her again takes. The
     * subscription is Disabled and due for deletion. Apps for business comes before Office 365 E3 in product order.
     */
    private Members membersOfTwoGroups() {
        assertThat(APPS_FOR_BUSINESS).isLessThan(OFFICE_365_E3); // product order: SeatMoves.PRODUCT_ORDER
        TestTenant tenant = new TestTenant();
        UUID ada = tenant.newUser();
        UUID bob = tenant.newUser();
        String ending = life.buyEnding(tenant, OFFICE_365_E3, 1);
        tenant.buy(APPS_FOR_BUSINESS, 1);
        tenant.assign(bob, APPS_FOR_BUSINESS);
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, ada);
        UUID apps = Groups.giving(tenant, "Apps", APPS_FOR_BUSINESS, ada);
        tenant.buy(APPS_FOR_BUSINESS, 1);
        assertThat(groupStates(ada)).contains(tuple(APPS_FOR_BUSINESS, apps, "Error", "CountViolation"));
        life.runAt(ENDS, DISABLED);
        life.fixClockAt(DELETED);
        return new Members(tenant, ada, sales, apps, ending);
    }

    private final class Members {
        final TestTenant tenant;
        final UUID ada;
        final UUID sales;
        final UUID apps;
        final String ending;

        Members(TestTenant tenant, UUID ada, UUID sales, UUID apps, String ending) {
            this.tenant = tenant;
            this.ada = ada;
            this.sales = sales;
            this.apps = apps;
            this.ending = ending;
        }

        /** The subscription deleted, Ada settled again: E3 in CountViolation, Apps given, every seat a license. */
        void deleted() {
            assertThat(status(ending)).isEqualTo("Deleted");
            assertThat(groupStates(ada)).containsExactlyInAnyOrder(
                    tuple(OFFICE_365_E3, sales, "Error", "CountViolation"),
                    tuple(APPS_FOR_BUSINESS, apps, "Active", "None"));
            assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(0, 0, 0);
            assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(2, 2, 0);
            assertSeatsAreLicensesHeld(tenant);
        }
    }

    /** Waits until a statement of the service waits for a lock {@code holder} holds. */
    private void awaitBlockedBy(Connection holder) throws SQLException {
        int pid = backendPid(holder);
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(Db.value(dataSource,
                "SELECT bool_or(? = ANY (pg_blocking_pids(pid))) FROM pg_stat_activity", pid)));
    }

    /**
     * Round after round, a subscription is deleted while users of the same groups change their licenses directly: two
     * release Apps for business and Office 365 E3 (in that product order), the deleted subscription's holders assign
     * themselves Apps, which their group could not give them. Every call answers 200, the deletion completes, and each
     * product's assigned seats are the licenses its users hold.
     */
    @Test
    void deletionsAndDirectChangesOfTheGroupsMembersAtOnceAllCompleteWithEverySeatALicenseHeld() throws Exception {
        for (int round = 0; round < 6; round++) {
            TestTenant tenant = new TestTenant();
            List<UUID> direct = List.of(tenant.newUser(), tenant.newUser());
            List<UUID> members = List.of(tenant.newUser(), tenant.newUser(), tenant.newUser());
            // the direct licenses first, before the clock moves on: the deletion takes the newest, the members'
            tenant.buy(OFFICE_365_E3, direct.size());
            tenant.buy(APPS_FOR_BUSINESS, direct.size());
            for (UUID user : direct) {
                tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + OFFICE_365_E3 + "\",\"disabledPlans\":[]},"
                        + "{\"skuId\":\"" + APPS_FOR_BUSINESS + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}")
                        .then().statusCode(200);
            }
            String ending = life.buyEnding(tenant, OFFICE_365_E3, members.size());
            Groups.giving(tenant, "Sales", OFFICE_365_E3, members.toArray(UUID[]::new));
            Groups.giving(tenant, "Apps", APPS_FOR_BUSINESS, members.toArray(UUID[]::new));
            tenant.buy(APPS_FOR_BUSINESS, members.size());
            life.runAt(ENDS, DISABLED);
            life.fixClockAt(DELETED);

            // the deletion races as the first call, the direct changes after it
            List<Callable<Integer>> calls = new ArrayList<>();
            calls.add(() -> life.run());
            for (UUID user : direct) {
                calls.add(() -> tenant.assignLicense(user, "{\"addLicenses\":[],"
                        + "\"removeLicenses\":[\"" + APPS_FOR_BUSINESS + "\",\"" + OFFICE_365_E3 + "\"]}").statusCode());
            }
            for (UUID member : members) {
                calls.add(() -> tenant.assignLicense(member, add(APPS_FOR_BUSINESS)).statusCode());
            }
            List<Integer> answers = Race.run(calls);

            assertThat(answers.get(0)).isPositive();
            for (int change : answers.subList(1, answers.size())) {
                assertThat(change).as("round %d", round).isEqualTo(200);
            }
            assertThat(status(ending)).as("round %d", round).isEqualTo("Deleted");
            assertSeatsAreLicensesHeld(tenant);
            assertThat(tenant.seats(OFFICE_365_E3)[0]).isEqualTo(direct.size());
            life.releaseClock();
        }
    }

    /** Each product's assigned seats are the licenses of it users hold from the admins' pool. */
    private void assertSeatsAreLicensesHeld(TestTenant tenant) {
        for (UUID skuId : List.of(OFFICE_365_E3, APPS_FOR_BUSINESS)) {
            long held = Db.count(dataSource, "SELECT count(*) FROM license_assignment WHERE tenant_id = ? AND sku_id = ?"
                    + " AND self_service_subscription_id IS NULL", tenant.id, skuId);
            assertThat(tenant.seats(skuId)[1]).as("assigned seats of %s", skuId).isEqualTo((int) held);
        }
    }

    private static void lockSeatRow(Connection connection, TestTenant tenant, UUID skuId, String wait) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT 1 FROM seat_count WHERE tenant_id = ? AND sku_id = ? FOR UPDATE" + wait)) {
            lock.setObject(1, tenant.id);
            lock.setObject(2, skuId);
            try (ResultSet row = lock.executeQuery()) {
                assertThat(row.next()).isTrue();
            }
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (PreparedStatement pid = connection.prepareStatement("SELECT pg_backend_pid()");
                ResultSet row = pid.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }

    private String status(String subscription) {
        return (String) Db.value(dataSource, "SELECT status FROM subscription WHERE id = ?", UUID.fromString(subscription));
    }

    private List<Tuple> groupStates(UUID user) {
        return OutboxEvents.lastStates(dataSource, user).stream().filter(s -> s.assignedByGroup() != null)
                .map(s -> tuple(s.skuId(), s.assignedByGroup(), s.state(), s.error())).toList();
    }

}
