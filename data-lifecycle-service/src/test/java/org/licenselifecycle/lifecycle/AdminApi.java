package org.licenselifecycle.lifecycle;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.function.Predicate;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;

/** Reads mailboxes and OneDrives through the admin API as a Global Reader of the user's tenant. */
public final class AdminApi {

    /** Long enough for the consumer to join its group on the first event of a run. */
    public static final Duration EVENT_APPLIED = Duration.ofSeconds(30);

    private AdminApi() {
    }

    /** A request as a Global Administrator of the user's tenant. */
    public static RequestSpecification asGlobalAdmin(TestUser user) {
        return given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .contentType(ContentType.JSON);
    }

    /** Delivers an item to the user's mailbox and returns its id. */
    public static String deliver(TestUser user, String subject, String body, String retentionLabel) {
        Map<String, Object> item = new HashMap<>();
        item.put("subject", subject);
        item.put("body", body);
        item.put("receivedAt", "2026-03-03T08:00:00Z");
        item.put("retentionLabel", retentionLabel);
        return asGlobalAdmin(user).body(item).post("/api/v1/users/{userId}/mailbox/items", user.userId())
                .then().statusCode(201).extract().path("id");
    }

    public static JsonPath placeHold(TestUser user, String kind) {
        return asGlobalAdmin(user).body(Map.of("kind", kind)).post("/api/v1/users/{userId}/mailbox/holds", user.userId())
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath releaseHold(TestUser user, String kind) {
        return asGlobalAdmin(user).delete("/api/v1/users/{userId}/mailbox/holds/{kind}", user.userId(), kind)
                .then().statusCode(200).extract().jsonPath();
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

    /** Waits until the user's OneDrive exists and satisfies {@code condition}, and returns it. */
    public static JsonPath awaitOneDrive(TestUser user, Predicate<JsonPath> condition) {
        return await().atMost(EVENT_APPLIED).until(() -> found(oneDrive(user)), json -> json != null && condition.test(json));
    }

    /** Waits until the user's OneDrive exists, and returns it. */
    public static JsonPath awaitOneDrive(TestUser user) {
        return await().atMost(EVENT_APPLIED).until(() -> found(oneDrive(user)), json -> json != null);
    }

    private static JsonPath found(Response response) {
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }
}
