package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.TestTenant.add;
import static org.licenselifecycle.licensing.TestTenant.remove;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * Seats given back are rows of their own ({@code seat_release}), folded into the product's counter later
 * ({@code Seats}): an unassign never waits for the product's seat row, a seat given back is free at once to readers
 * and to the next assignment, and racing releases and takes never oversell.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class SeatReleasesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anUnassignDoesNotWaitForATransactionHoldingTheProductsSeatRow() throws Exception {
        TestTenant tenant = TestTenant.buying(2, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);

        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            // what every unassign of the product did until its commit: hold the row for an UPDATE
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT 1 FROM seat_count WHERE tenant_id = ? AND sku_id = ? FOR NO KEY UPDATE")) {
                lock.setObject(1, tenant.id);
                lock.setObject(2, BUSINESS_PREMIUM);
                try (ResultSet row = lock.executeQuery()) {
                    assertThat(row.next()).isTrue();
                }
            }
            CompletableFuture<Response> unassign = CompletableFuture.supplyAsync(
                    () -> tenant.assignLicense(user, remove(BUSINESS_PREMIUM)));
            // the row stays held all along: a wait for it would never end in time
            assertThat(unassign.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            holder.rollback();
        }
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 0, 2);
    }

    @Test
    void aSeatGivenBackIsFreeAtOnceAndTheNextAssignmentTakesIt() {
        TestTenant tenant = TestTenant.buying(1, BUSINESS_PREMIUM);
        UUID first = tenant.newUser();
        UUID second = tenant.newUser();
        tenant.assign(first, BUSINESS_PREMIUM);
        assertThat(tenant.assignLicense(second, add(BUSINESS_PREMIUM)).statusCode()).isEqualTo(400);

        tenant.unassign(first, BUSINESS_PREMIUM);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(1, 0, 1);
        tenant.assign(second, BUSINESS_PREMIUM);

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(1, 1, 0);
        assertThat(counted(tenant)).isEqualTo(1);
        assertThat(notFolded(tenant)).isZero();
    }

    @Test
    void releasesNothingTakesAreFoldedIntoTheCounterWithinSeconds() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(tenant.newUser());
            tenant.assign(users.get(i), BUSINESS_PREMIUM);
        }
        for (UUID user : users.subList(0, 3)) {
            tenant.unassign(user, BUSINESS_PREMIUM);
        }
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 2, 3);

        await().atMost(Duration.ofSeconds(30)).until(() -> notFolded(tenant) == 0);
        assertThat(counted(tenant)).isEqualTo(2);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 2, 3);
    }

    @Test
    void releasesRacingAssignmentsForAFullProductNeverOversellIt() throws Exception {
        int bought = 6;
        TestTenant tenant = TestTenant.buying(bought, BUSINESS_PREMIUM);
        List<UUID> holders = new ArrayList<>();
        for (int i = 0; i < bought; i++) {
            holders.add(tenant.newUser());
            tenant.assign(holders.get(i), BUSINESS_PREMIUM);
        }
        for (int round = 1; round <= 4; round++) {
            List<UUID> leaving = holders.subList(0, 3);
            List<UUID> coming = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                coming.add(tenant.newUser());
            }
            List<Callable<Response>> calls = new ArrayList<>();
            leaving.forEach(user -> calls.add(() -> tenant.assignLicense(user, remove(BUSINESS_PREMIUM))));
            coming.forEach(user -> calls.add(() -> tenant.assignLicense(user, add(BUSINESS_PREMIUM))));
            List<Response> answers = Race.run(calls);

            assertThat(answers.subList(0, 3)).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(200));
            List<UUID> given = new ArrayList<>();
            for (int i = 0; i < coming.size(); i++) {
                int status = answers.get(3 + i).statusCode();
                assertThat(status).as("round %d: assign %d", round, i).isIn(200, 400);
                if (status == 200) {
                    given.add(coming.get(i));
                }
            }
            long held = Db.count(dataSource,
                    "SELECT count(*) FROM license_assignment WHERE tenant_id = ? AND sku_id = ?", tenant.id, BUSINESS_PREMIUM);
            assertThat(held).as("round %d: licenses held", round).isLessThanOrEqualTo(bought)
                    .isEqualTo(bought - 3 + given.size());
            assertThat(tenant.seats(BUSINESS_PREMIUM)).as("round %d", round)
                    .containsExactly(bought, (int) held, bought - (int) held);
            holders = new ArrayList<>(holders.subList(3, holders.size()));
            holders.addAll(given);
            // fill the product again for the next round
            while (holders.size() < bought) {
                UUID user = tenant.newUser();
                tenant.assign(user, BUSINESS_PREMIUM);
                holders.add(user);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> notFolded(tenant) == 0);
        assertThat(counted(tenant)).isEqualTo(bought);
    }

    /** The product's counter itself, releases not yet folded left out. */
    private long counted(TestTenant tenant) {
        return Db.count(dataSource, "SELECT assigned FROM seat_count WHERE tenant_id = ? AND sku_id = ?",
                tenant.id, BUSINESS_PREMIUM);
    }

    private long notFolded(TestTenant tenant) {
        return Db.count(dataSource, "SELECT count(*) FROM seat_release WHERE tenant_id = ? AND sku_id = ?",
                tenant.id, BUSINESS_PREMIUM);
    }
}
