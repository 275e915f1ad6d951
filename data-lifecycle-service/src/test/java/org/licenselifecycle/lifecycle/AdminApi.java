package org.licenselifecycle.lifecycle;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.function.Predicate;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.support.security.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;

/** Reads mailboxes and OneDrives through the admin API as a Global Reader of the user's tenant. */
public final class AdminApi {

    /** Long enough for the consumer to join its group on the first event of a run. */
    public static final Duration EVENT_APPLIED = Duration.ofSeconds(30);

    private AdminApi() {
    }

    public static Response mailbox(TestUser user) {
        return given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.GLOBAL_READER))
                .get("/api/v1/users/{userId}/mailbox", user.userId());
    }

    public static Response oneDrive(TestUser user) {
        return given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.GLOBAL_READER))
                .get("/api/v1/users/{userId}/onedrive", user.userId());
    }

    /** Waits until the user's mailbox exists and satisfies {@code condition}, and returns it. */
    public static JsonPath awaitMailbox(TestUser user, Predicate<JsonPath> condition) {
        return await().atMost(EVENT_APPLIED).until(() -> found(mailbox(user)), json -> json != null && condition.test(json));
    }

    /** Waits until the user's OneDrive exists, and returns it. */
    public static JsonPath awaitOneDrive(TestUser user) {
        return await().atMost(EVENT_APPLIED).until(() -> found(oneDrive(user)), json -> json != null);
    }

    private static JsonPath found(Response response) {
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }
}
