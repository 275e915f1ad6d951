package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.licensing.subscriptions.SubscriptionLifeJob;
import org.licenselifecycle.testsupport.MovableClock;

/**
 * A subscription bought with recurring billing off, and the days the subscription life job steps it at (the movable
 * clock's time): bought at {@link #BOUGHT}, it ends a year later, is Disabled 30 days after that and Deleted 90 days
 * after that.
 */
final class EndingSubscriptions {

    static final Instant BOUGHT = Instant.parse("2027-03-01T09:00:00Z");
    static final Instant ENDS = BOUGHT.plus(Duration.ofDays(365));
    static final Instant DISABLED = ENDS.plus(Duration.ofDays(30));
    static final Instant DELETED = DISABLED.plus(Duration.ofDays(90));

    private EndingSubscriptions() {
    }

    /** Buys one as Global Administrator, at the clock's time; returns its id. */
    static String buyEnding(TestTenant tenant, UUID skuId, int licenses) {
        return given().auth().oauth2(tenant.globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("skuId", skuId, "licenses", licenses, "trial", false, "recurringBilling", false))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");
    }

    /** The job runs at each of these times, one after the other. */
    static void runAt(MovableClock clock, SubscriptionLifeJob life, Instant... times) {
        for (Instant at : times) {
            clock.fixAt(at);
            life.run();
        }
    }
}
