package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a refused call must leave untouched: the user's licenses (with their disabled plans), the seats
 * of the products involved, and the events written for the user.
 */
public record LicenseState(List<Object> licenses, List<List<Integer>> seats, long events) {

    public static LicenseState of(TestTenant tenant, AgroalDataSource dataSource, UUID user, UUID... products) {
        List<Object> licenses = given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", user)
                .then().statusCode(200).extract().path("value");
        List<List<Integer>> seats = new ArrayList<>();
        for (UUID product : products) {
            int[] row = tenant.seats(product);
            seats.add(List.of(row[0], row[1], row[2]));
        }
        return new LicenseState(licenses, seats, Db.outboxEvents(dataSource, user));
    }
}
