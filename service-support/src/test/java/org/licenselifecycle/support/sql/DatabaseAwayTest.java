package org.licenselifecycle.support.sql;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/** A request that meets the database away (restarting, out of reach) is told to try again, never given a 500. */
@QuarkusTest
@WithTestResource(Rig.class)
class DatabaseAwayTest {

    @Test
    void aRequestThatCannotReachTheDatabaseGetsGraphs503WithRetryAfterNeverA500() {
        String licenseAdmin = DevTokens.token(UUID.randomUUID(), DirectoryRole.LICENSE_ADMINISTRATOR);
        given().auth().oauth2(licenseAdmin).post("/test/database-away")
                .then().statusCode(503)
                .header("Retry-After", "2")
                .body("error.code", equalTo("serviceNotAvailable"))
                .body("error.message", equalTo(
                        "The service cannot reach its database right now; nothing was changed. Try again shortly."))
                .body("error.innerError.request-id", notNullValue());
    }
}
