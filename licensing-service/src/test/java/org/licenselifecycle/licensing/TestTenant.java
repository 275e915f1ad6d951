package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;

/**
 * A fresh tenant per test, so tests never see each other's subscriptions, seats or users: buys
 * subscriptions through the admin API, creates users through directory-service's events, and calls
 * assignLicense as one of its License Administrators.
 */
public final class TestTenant {

    public final UUID id = UUID.randomUUID();
    public final UUID adminOid = UUID.randomUUID();
    public final String licenseAdmin = DevTokens.token(id, adminOid, DirectoryRole.LICENSE_ADMINISTRATOR);
    public final String globalAdmin = DevTokens.token(id, DirectoryRole.GLOBAL_ADMINISTRATOR);

    /** A fresh tenant that bought {@code licenses} of each product. */
    public static TestTenant buying(int licenses, UUID... skuIds) {
        TestTenant tenant = new TestTenant();
        for (UUID skuId : skuIds) {
            tenant.buy(skuId, licenses);
        }
        return tenant;
    }

    public String token(DirectoryRole... roles) {
        return DevTokens.token(id, roles);
    }

    /** Buys a subscription as Global Administrator; returns its id. */
    public String buy(UUID skuId, int licenses) {
        return buy(skuId, licenses, "Enabled");
    }

    /** Buys a subscription in the given state (Enabled, Warning, Suspended, LockedOut); returns its id. */
    public String buy(UUID skuId, int licenses, String status) {
        return given().auth().oauth2(globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("skuId", skuId, "licenses", licenses, "status", status))
                .post("/api/v1/subscriptions")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Buys a subscription, a trial or not, with recurring billing on or off; returns its id. */
    public String buy(UUID skuId, int licenses, boolean trial, boolean recurringBilling) {
        return given().auth().oauth2(globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("skuId", skuId, "licenses", licenses, "trial", trial, "recurringBilling", recurringBilling))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
    }

    /** Buys a subscription as the user {@code purchaser} (self-service), given to {@code assignTo}; returns its id. */
    public String buySelfService(UUID purchaser, UUID skuId, int licenses, List<UUID> assignTo) {
        return buySelfService(purchaser, skuId, licenses, assignTo, true);
    }

    /** {@link #buySelfService(UUID, UUID, int, List)} with recurring billing on or off (off: it ends, see SubscriptionLife). */
    public String buySelfService(UUID purchaser, UUID skuId, int licenses, List<UUID> assignTo, boolean recurringBilling) {
        return given().auth().oauth2(DevTokens.token(id, purchaser)).contentType(ContentType.JSON)
                .body(Map.of("skuId", skuId, "licenses", licenses, "boughtBy", "SELF_SERVICE", "assignTo", assignTo,
                        "recurringBilling", recurringBilling))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
    }

    /** A user with a usage location of "US", known to licensing once this returns. */
    public UUID newUser() {
        return newUser("US");
    }

    public UUID newUser(String usageLocation) {
        UserCreated created = UserEvents.userCreated(id, "user-" + UUID.randomUUID() + "@contoso.example", usageLocation);
        UserEvents.publish(UUID.randomUUID(), created);
        awaitKnown(created.userId());
        return created.userId();
    }

    /** Waits until licensing has the user in its read model. */
    public void awaitKnown(UUID userId) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(licenseAdmin).get("/v1.0/users/{id}/licenseDetails", userId)
                        .then().statusCode(200));
    }

    public Response assignLicense(Object user, String body) {
        return assignLicense(licenseAdmin, user, body);
    }

    public Response assignLicense(String token, Object user, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/v1.0/users/{id}/assignLicense", user);
    }

    /** Gives the user the license with these plans turned off (none: every plan on), and checks it worked. */
    public void assign(UUID user, UUID skuId, UUID... disabledPlans) {
        assignLicense(user, add(skuId, disabledPlans)).then().statusCode(200);
    }

    /** Takes the license from the user, and checks it worked. */
    public void unassign(UUID user, UUID skuId) {
        assignLicense(user, remove(skuId)).then().statusCode(200);
    }

    /** Graph's assignLicense body that adds the product with these plans turned off (none: every plan on). */
    public static String add(UUID skuId, UUID... disabledPlans) {
        return "{\"addLicenses\":[{\"skuId\":\"" + skuId + "\",\"disabledPlans\":["
                + Stream.of(disabledPlans).map(plan -> "\"" + plan + "\"").collect(Collectors.joining(","))
                + "]}],\"removeLicenses\":[]}";
    }

    public static String remove(UUID skuId) {
        return "{\"addLicenses\":[],\"removeLicenses\":[\"" + skuId + "\"]}";
    }

    /** The Licenses page row of {@code skuId}: {total, assigned, available}. */
    public int[] seats(UUID skuId) {
        Response page = given().auth().oauth2(licenseAdmin).get("/api/v1/licenses").then().statusCode(200).extract().response();
        String row = "find { it.skuId == '" + skuId + "' }";
        Integer total = page.path(row + ".total");
        if (total == null) {
            return new int[] {0, 0, 0};
        }
        return new int[] {total, page.path(row + ".assigned"), page.path(row + ".available")};
    }
}
