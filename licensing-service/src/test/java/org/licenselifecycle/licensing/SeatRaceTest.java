package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.TestTenant.add;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class SeatRaceTest {

    private static final int RACERS = 8;

    @Test
    void eightAdminsRacingForTheLastSeatGiveItToExactlyOneUser() throws Exception {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 3);
        tenant.assign(tenant.newUser(), BUSINESS_PREMIUM);
        tenant.assign(tenant.newUser(), BUSINESS_PREMIUM);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            users.add(tenant.newUser());
        }
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 2, 1);

        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (UUID user : users) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return tenant.assignLicense(user, add(BUSINESS_PREMIUM));
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> call : calls) {
                responses.add(call.get());
            }

            assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
            assertThat(responses).filteredOn(r -> r.statusCode() != 200).hasSize(RACERS - 1)
                    .allSatisfy(r -> {
                        assertThat(r.statusCode()).isEqualTo(400);
                        assertThat(r.<String>path("error.message")).isEqualTo(
                                "Subscription with SKU " + BUSINESS_PREMIUM + " does not have any available licenses.");
                    });
        } finally {
            pool.shutdownNow();
        }
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 3, 0);
        long holders = users.stream()
                .filter(user -> !io.restassured.RestAssured.given().auth().oauth2(tenant.licenseAdmin)
                        .get("/v1.0/users/{id}/licenseDetails", user).then().statusCode(200)
                        .extract().<List<?>>path("value").isEmpty())
                .count();
        assertThat(holders).isEqualTo(1);
    }

    @Test
    void reducingASubscriptionWhileAdminsAssignNeverLeavesMoreAssignedThanTotal() throws Exception {
        TestTenant tenant = new TestTenant();
        String six = tenant.buy(BUSINESS_PREMIUM, 6);
        tenant.buy(BUSINESS_PREMIUM, 4);
        for (int i = 0; i < 5; i++) {
            tenant.assign(tenant.newUser(), BUSINESS_PREMIUM);
        }
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            users.add(tenant.newUser());
        }

        ExecutorService pool = Executors.newFixedThreadPool(RACERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> assigns = new ArrayList<>();
        Future<Response> reduce;
        try {
            for (UUID user : users) {
                assigns.add(pool.submit(() -> {
                    start.await();
                    return tenant.assignLicense(user, add(BUSINESS_PREMIUM));
                }));
            }
            reduce = pool.submit(() -> {
                start.await();
                return io.restassured.RestAssured.given().auth().oauth2(tenant.globalAdmin)
                        .contentType(io.restassured.http.ContentType.JSON).body("{\"licenses\":1}")
                        .patch("/api/v1/subscriptions/{id}", six);
            });
            start.countDown();
            long assigned = 0;
            for (Future<Response> call : assigns) {
                assigned += call.get().statusCode() == 200 ? 1 : 0;
            }
            int reduceStatus = reduce.get().statusCode();

            int total = reduceStatus == 200 ? 5 : 10;
            assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(total, 5 + (int) assigned, total - 5 - (int) assigned);
            assertThat(reduceStatus == 200 ? assigned : 0).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
