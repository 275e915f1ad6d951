package org.licenselifecycle.directory.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.licenselifecycle.directory.AuditEventsOnKafka.KEPT;
import static org.licenselifecycle.directory.AuditEventsOnKafka.bySystem;
import static org.licenselifecycle.directory.AuditEventsOnKafka.licenseChange;
import static org.licenselifecycle.directory.AuditEventsOnKafka.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.directory.AuditEventsOnKafka;
import org.licenselifecycle.directory.UserFixtures;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * Graph's {@code /auditLogs/directoryAudits}: the entries every service records through its outbox, kept by the
 * directory from {@code audit.directory-audits} (real Kafka), newest first, filtered by date and activity, paged,
 * confined to the tenant, readable by the roles and the application permission Entra ID names.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class DirectoryAuditsTest {

    private static final String PATH = "/v1.0/auditLogs/directoryAudits";
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T09:00:00Z");

    private UUID tenant;

    @BeforeEach
    void aTenant() {
        tenant = UUID.randomUUID();
    }

    @Inject
    EntityManager entityManager;

    @Test
    void theDirectorysOwnChangesToAUserAreInTheLogNewestFirstWithWhoDidThemAndWhatChanged() {
        UUID admin = UUID.randomUUID();
        RequestSpecification userAdmin = given().auth().oauth2(DevTokens.token(tenant, admin,
                DirectoryRole.USER_ADMINISTRATOR));
        String adele = userAdmin.contentType(ContentType.JSON).body(UserFixtures.body("adele"))
                .when().post("/v1.0/users").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.USER_ADMINISTRATOR))
                .contentType(ContentType.JSON).body(Map.of("displayName", "Adele V."))
                .when().patch("/v1.0/users/{id}", adele).then().statusCode(204);
        given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.USER_ADMINISTRATOR))
                .when().delete("/v1.0/users/{id}", adele).then().statusCode(204);

        // kept at once, in the change's transaction: not through the directory's outbox
        JsonPath log = reader().when().get(PATH).then().statusCode(200).extract().jsonPath();
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE ce_type = ?1")
                .setParameter(1, EventType.DIRECTORY_AUDIT_RECORDED.ceType()).getSingleResult()).longValue())).isZero();

        assertThat(log.getList("value.activityDisplayName")).containsExactly("Delete user", "Update user", "Add user");
        assertThat(log.getList("value.initiatedBy.user.id")).containsOnly(admin.toString());
        assertThat(log.getList("value.targetResources[0].id")).containsOnly(adele);
        assertThat(log.getList("value.category")).containsOnly("UserManagement");
        assertThat(log.getList("value.loggedByService")).containsOnly("Core Directory");
        assertThat(log.getList("value.result")).containsOnly("success");
        assertThat(log.getString("value[1].targetResources[0].modifiedProperties[0].displayName")).isEqualTo("DisplayName");
        assertThat(log.getString("value[1].targetResources[0].modifiedProperties[0].oldValue"))
                .isEqualTo("[\"Adele Vance adele\"]");
        assertThat(log.getString("value[1].targetResources[0].modifiedProperties[0].newValue")).isEqualTo("[\"Adele V.\"]");
        assertThat(log.getString("value[2].targetResources[0].userPrincipalName")).isEqualTo("adele@contoso.com");
        assertThat(log.getString("'@odata.context'")).endsWith("/v1.0/$metadata#auditLogs/directoryAudits");
    }

    @Test
    void anEntryAnotherServiceRecordedArrivesThroughKafkaAndIsReadByItsId() {
        UUID user = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID id = publish(licenseChange(tenant, user, admin, MONDAY));

        awaitEntries(1, reader(), "");

        reader().when().get(PATH + "/{id}", id).then().statusCode(200)
                .body("id", equalTo(id.toString()))
                .body("activityDisplayName", equalTo("Change user license"))
                .body("activityDateTime", startsWith("2026-11-23T09:00"))
                .body("initiatedBy.user.id", equalTo(admin.toString()))
                .body("initiatedBy.user.userPrincipalName", equalTo("megan@contoso.com"))
                .body("initiatedBy.user.ipAddress", equalTo("203.0.113.7"))
                .body("initiatedBy.app", equalTo(null))
                .body("targetResources[0].type", equalTo("User"))
                .body("targetResources[0].modifiedProperties[0].displayName", equalTo("AssignedLicense"));
    }

    @Test
    void entriesRecordedWithoutNamesAreKeptWithTheNamesOfTheTenantsUsersAndNotOfAnotherTenants() {
        UUID admin = UUID.fromString(UserFixtures.createUser(tenant, "megan"));
        UUID adele = UUID.fromString(UserFixtures.createUser(tenant, "adele"));
        UUID stranger = UUID.fromString(UserFixtures.createUser(UUID.randomUUID(), "alex"));
        // together on Kafka, so that the consumer keeps several in one batch, naming the same admin again and again
        for (int i = 0; i < 6; i++) {
            publish(AuditEventsOnKafka.unnamedLicenseChange(tenant, i % 2 == 0 ? adele : stranger, admin,
                    MONDAY.plusSeconds(i)));
        }

        // (the directory's own entries of the two users' creation are left out)
        JsonPath log = awaitEntries(6, reader(), "?$filter=activityDisplayName eq 'Change user license'");
        assertThat(log.getList("value")).hasSize(6);
        assertThat(log.getList("value.initiatedBy.user.displayName")).containsOnly("Adele Vance megan");
        assertThat(log.getList("value.initiatedBy.user.userPrincipalName")).containsOnly("megan@contoso.com");
        for (int i = 0; i < 6; i++) {
            String target = "value[" + i + "].targetResources[0].";
            if (log.getString(target + "id").equals(adele.toString())) {
                assertThat(log.getString(target + "displayName")).isEqualTo("Adele Vance adele");
                assertThat(log.getString(target + "userPrincipalName")).isEqualTo("adele@contoso.com");
            } else {
                assertThat(log.getString(target + "id")).isEqualTo(stranger.toString());
                assertThat(log.getString(target + "displayName")).isNull();
                assertThat(log.getString(target + "userPrincipalName")).isNull();
            }
        }
    }

    @Test
    void theSameEntryDeliveredTwiceIsKeptOnce() {
        UUID user = UUID.randomUUID();
        var entry = licenseChange(tenant, user, UUID.randomUUID(), MONDAY);
        UUID id = UUID.randomUUID();
        for (int delivery = 0; delivery < 2; delivery++) {
            Map<String, String> headers = TestEvents.headers(id, EventType.DIRECTORY_AUDIT_RECORDED.ceType(),
                    "/licensing-service");
            headers.put(CloudEventHeaders.TIME, MONDAY.toString());
            AuditEventsOnKafka.publishRaw(user.toString(), org.licenselifecycle.events.EventJson.write(entry), headers);
        }
        AuditEventsOnKafka.awaitAllKept();

        assertThat(reader().when().get(PATH).then().statusCode(200).extract().jsonPath().getList("value.id"))
                .containsExactly(id.toString());
    }

    @Test
    void filtersByDateRangeAndActivityJoinedWithAnd() {
        UUID user = UUID.randomUUID();
        UUID mondayChange = publish(licenseChange(tenant, user, UUID.randomUUID(), MONDAY));
        UUID tuesdayChange = publish(licenseChange(tenant, user, UUID.randomUUID(), TUESDAY));
        UUID tuesdayDelete = publish(bySystem(tenant, "Delete user", user, TUESDAY.plusSeconds(60)));
        UUID wednesdayChange = publish(licenseChange(tenant, user, UUID.randomUUID(), WEDNESDAY));
        awaitEntries(4, reader(), "");

        assertThat(ids("activityDateTime ge 2026-11-24T00:00:00Z and activityDateTime le 2026-11-24T23:59:59Z"))
                .containsExactly(tuesdayDelete.toString(), tuesdayChange.toString());
        assertThat(ids("activityDisplayName eq 'Change user license'"))
                .containsExactly(wednesdayChange.toString(), tuesdayChange.toString(), mondayChange.toString());
        assertThat(ids("activityDateTime ge 2026-11-24T00:00:00Z and activityDisplayName eq 'Change user license'"))
                .containsExactly(wednesdayChange.toString(), tuesdayChange.toString());
        assertThat(ids("activityDateTime lt 2026-11-24T09:00:00Z")).containsExactly(mondayChange.toString());
        assertThat(ids("activityDisplayName eq 'Hard Delete user'")).isEmpty();
    }

    @Test
    void topPagesTheLogAndTheNextLinkCarriesTheFilterToTheEnd() {
        UUID user = UUID.randomUUID();
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            published.add(0, publish(licenseChange(tenant, user, UUID.randomUUID(), MONDAY.plusSeconds(i))).toString());
        }
        publish(bySystem(tenant, "Delete user", user, MONDAY.plusSeconds(2)));
        awaitEntries(6, reader(), "");

        List<String> seen = new ArrayList<>();
        String next = PATH + "?$top=2&$filter=activityDisplayName eq 'Change user license'";
        int pages = 0;
        while (next != null) {
            JsonPath page = reader().urlEncodingEnabled(!next.startsWith("http")).when().get(next)
                    .then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("value")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("value.id"));
            next = page.getString("'@odata.nextLink'");
            pages++;
        }

        assertThat(seen).containsExactlyElementsOf(published);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void anotherTenantsEntriesAreNeitherListedNorFound() {
        UUID other = UUID.randomUUID();
        UUID theirs = publish(licenseChange(other, UUID.randomUUID(), UUID.randomUUID(), MONDAY));
        UUID ours = publish(licenseChange(tenant, UUID.randomUUID(), UUID.randomUUID(), MONDAY));
        awaitEntries(1, reader(), "");
        await().atMost(KEPT).until(() -> given().auth().oauth2(DevTokens.token(other, DirectoryRole.GLOBAL_READER))
                .when().get(PATH + "/{id}", theirs).statusCode() == 200);

        assertThat(reader().when().get(PATH).then().statusCode(200).extract().jsonPath().getList("value.id"))
                .containsExactly(ours.toString());
        reader().when().get(PATH + "/{id}", theirs).then().statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"));
    }

    @Test
    void theRolesEntraLetsReadAuditLogsMayAndOthersAreRefused() {
        for (DirectoryRole reader : List.of(DirectoryRole.GLOBAL_ADMINISTRATOR, DirectoryRole.GLOBAL_READER,
                DirectoryRole.SECURITY_ADMINISTRATOR, DirectoryRole.SECURITY_READER, DirectoryRole.REPORTS_READER)) {
            given().auth().oauth2(DevTokens.token(tenant, reader)).when().get(PATH).then().statusCode(200);
        }
        for (DirectoryRole other : List.of(DirectoryRole.LICENSE_ADMINISTRATOR, DirectoryRole.USER_ADMINISTRATOR,
                DirectoryRole.BILLING_ADMINISTRATOR, DirectoryRole.HELPDESK_ADMINISTRATOR)) {
            refused(given().auth().oauth2(DevTokens.token(tenant, other)));
        }
        refused(given().auth().oauth2(DevTokens.token(tenant)));
        given().when().get(PATH).then().statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
    }

    @Test
    void anApplicationReadsTheLogWithAuditLogReadAllAndNotWithoutIt() {
        UUID id = publish(licenseChange(tenant, UUID.randomUUID(), UUID.randomUUID(), MONDAY));
        awaitEntries(1, reader(), "");

        given().auth().oauth2(DevTokens.app(tenant, "AuditLog.Read.All")).when().get(PATH).then().statusCode(200)
                .body("value[0].id", equalTo(id.toString()));
        refused(given().auth().oauth2(DevTokens.app(tenant, "Directory.ReadWrite.All", "User.ReadWrite.All")));
    }

    @Test
    void aFilterOrOptionTheLogCannotRunIsGraphs400() {
        reader().queryParam("$filter", "activityDateTime ge yesterday").when().get(PATH).then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", startsWith("Invalid filter clause"));
        reader().queryParam("$filter", "result eq 'success'").when().get(PATH).then().statusCode(400)
                .body("error.code", equalTo("Request_UnsupportedQuery"));
        reader().queryParam("$filter", "activityDisplayName eq 'Add user' or activityDisplayName eq 'Delete user'")
                .when().get(PATH).then().statusCode(400);
        reader().queryParam("$filter", "activityDisplayName eq 'unterminated").when().get(PATH).then().statusCode(400);
        reader().queryParam("$skiptoken", "not-ours").when().get(PATH).then().statusCode(400);
        reader().queryParam("$top", "1000").when().get(PATH).then().statusCode(400);
        reader().queryParam("$orderby", "activityDateTime").when().get(PATH).then().statusCode(400);
        reader().when().get(PATH + "/not-a-guid").then().statusCode(404);
    }

    @Test
    void anAuditEventThatCannotBeReadGoesToTheDeadLetterTopicAndTheNextIsKept() {
        String key = UUID.randomUUID().toString();
        AuditEventsOnKafka.publishRaw(key, "{\"tenantId\":\"" + tenant + "\"}",
                TestEvents.headers(UUID.randomUUID(), EventType.DIRECTORY_AUDIT_RECORDED.ceType(), "/licensing-service"));
        UUID next = publish(licenseChange(tenant, UUID.fromString(key), UUID.randomUUID(), MONDAY));

        assertThat(AuditEventsOnKafka.deadLetters(key, 1)).singleElement()
                .satisfies(record -> assertThat(record.value()).contains(tenant.toString()));
        assertThat(awaitEntries(1, reader(), "").getList("value.id")).containsExactly(next.toString());
    }

    private RequestSpecification reader() {
        return given().auth().oauth2(DevTokens.token(tenant, DirectoryRole.GLOBAL_READER));
    }

    private List<String> ids(String filter) {
        return reader().queryParam("$filter", filter).when().get(PATH).then().statusCode(200)
                .extract().jsonPath().getList("value.id");
    }

    private static void refused(RequestSpecification caller) {
        caller.when().get(PATH).then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"))
                .body("error.message", equalTo("Insufficient privileges to complete the operation."));
    }

    private static JsonPath awaitEntries(int count, RequestSpecification reader, String query) {
        return await().atMost(KEPT).until(() -> reader.when().get(PATH + query).then().statusCode(200).extract().jsonPath(),
                log -> log.getList("value").size() >= count);
    }
}
