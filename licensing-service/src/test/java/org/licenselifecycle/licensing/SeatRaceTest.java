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
import java.util.concurrent.Callable;
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

        List<Callable<Response>> calls = new ArrayList<>();
        for (UUID user : users) {
            calls.add(() -> tenant.assignLicense(user, add(BUSINESS_PREMIUM)));
        }
        List<Response> responses = Race.run(calls);

        assertThat(responses).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(responses).filteredOn(r -> r.statusCode() != 200).hasSize(RACERS - 1)
                .allSatisfy(r -> {
                    assertThat(r.statusCode()).isEqualTo(400);
                    assertThat(r.<String>path("error.message")).isEqualTo(
                            "Subscription with SKU " + BUSINESS_PREMIUM + " does not have any available licenses.");
                });
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

        List<Callable<Response>> calls = new ArrayList<>();
        for (UUID user : users) {
            calls.add(() -> tenant.assignLicense(user, add(BUSINESS_PREMIUM)));
        }
        // the reduction races as the last call
        calls.add(() -> io.restassured.RestAssured.given().auth().oauth2(tenant.globalAdmin)
                .contentType(io.restassured.http.ContentType.JSON).body("{\"licenses\":1}")
                .patch("/api/v1/subscriptions/{id}", six));
        List<Response> responses = Race.run(calls);
        long assigned = 0;
        for (Response assign : responses.subList(0, RACERS)) {
            assigned += assign.statusCode() == 200 ? 1 : 0;
        }
        int reduceStatus = responses.get(RACERS).statusCode();

        int total = reduceStatus == 200 ? 5 : 10;
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(total, 5 + (int) assigned, total - 5 - (int) assigned);
        assertThat(reduceStatus == 200 ? assigned : 0).isZero();
    }
}
