package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.APPLIED;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.BUSINESS_PREMIUM;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.EXCHANGE_S_ENTERPRISE;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.EXCHANGE_S_STANDARD;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.OFFICE_365_E3;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.SHAREPOINTENTERPRISE;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.SHAREPOINTSTANDARD;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.TEAMS1;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.businessPremium;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.office365E3;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.publish;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.removal;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createUser;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.directory.LicenseEventsOnKafka;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * Licenses on users, as in Entra ID: the directory keeps what licensing's events say ({@code LicenseAssigned},
 * {@code LicenseRemoved}) and shows it on {@code /users} through {@code $select} and {@code $filter}, whatever the
 * order the events arrive in.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class LicensesOnUsersTest {

    private static final Logger LOG = Logger.getLogger(LicensesOnUsersTest.class);
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");
    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T09:00:00Z");
    private static final String ADVANCED = "Try adding $count=true query parameter and ConsistencyLevel:eventual header.";

    private UUID tenant;
    private UUID adele;
    private UUID alex;
    private UUID megan;

    @BeforeEach
    void threeUsers() {
        tenant = UUID.randomUUID();
        adele = UUID.fromString(createUser(tenant, "adele"));
        alex = UUID.fromString(createUser(tenant, "alex"));
        megan = UUID.fromString(createUser(tenant, "megan"));
    }

    @Test
    void selectShowsTheProductsAUserHoldsTheirPlansAndTheirStatesAsGraphDoes() {
        publish(businessPremium(tenant, adele, MONDAY), MONDAY);
        UUID group = UUID.randomUUID();
        publish(office365E3(tenant, adele, group, TUESDAY), TUESDAY);
        awaitHolders(OFFICE_365_E3, adele);

        JsonPath user = users().queryParam("$select", "id,assignedLicenses,assignedPlans,licenseAssignmentStates")
                .when().get("/v1.0/users/{id}", adele)
                .then().statusCode(200)
                .body("'@odata.context'", equalTo(base() + "/v1.0/$metadata#users(id,assignedLicenses,assignedPlans,"
                        + "licenseAssignmentStates)/$entity"))
                .extract().jsonPath();

        assertThat(user.getList("assignedLicenses")).containsExactly(
                Map.of("disabledPlans", List.of(TEAMS1.servicePlanId().toString()), "skuId", BUSINESS_PREMIUM.toString()),
                Map.of("disabledPlans", List.of(), "skuId", OFFICE_365_E3.toString()));
        assertThat(user.<Map<String, Object>>getList("assignedPlans")).containsExactlyInAnyOrder(
                plan("2026-11-23T09:00:00Z", "Enabled", "exchange", EXCHANGE_S_STANDARD.servicePlanId()),
                plan("2026-11-23T09:00:00Z", "Enabled", "SharePoint", SHAREPOINTSTANDARD.servicePlanId()),
                plan("2026-11-24T09:00:00Z", "Enabled", "exchange", EXCHANGE_S_ENTERPRISE.servicePlanId()),
                plan("2026-11-24T09:00:00Z", "Enabled", "SharePoint", SHAREPOINTENTERPRISE.servicePlanId()),
                plan("2026-11-24T09:00:00Z", "Enabled", "TeamspaceAPI", TEAMS1.servicePlanId()));
        assertThat(user.<Map<String, Object>>getList("licenseAssignmentStates")).containsExactly(
                state(null, List.of(TEAMS1.servicePlanId().toString()), "2026-11-23T09:00:00Z", BUSINESS_PREMIUM),
                state(group.toString(), List.of(), "2026-11-24T09:00:00Z", OFFICE_365_E3));

        // the list shows them too, and only when selected, as Graph does
        JsonPath listed = users().queryParam("$select", "id,assignedLicenses").when().get("/v1.0/users")
                .then().statusCode(200).extract().jsonPath();
        assertThat(listed.getList("value.find { it.id == '" + adele + "' }.assignedLicenses.skuId"))
                .containsExactly(BUSINESS_PREMIUM.toString(), OFFICE_365_E3.toString());
        assertThat(listed.getList("value.find { it.id == '" + alex + "' }.assignedLicenses")).isEmpty();
        assertThat(users().when().get("/v1.0/users/{id}", adele).then().extract().jsonPath().getMap(""))
                .doesNotContainKeys("assignedLicenses", "assignedPlans", "licenseAssignmentStates");
    }

    @Test
    void aRemovedLicenseLeavesAssignedLicensesAndItsPlansStayAsDeleted() {
        LicenseAssigned assigned = businessPremium(tenant, adele, MONDAY);
        publish(assigned, MONDAY);
        publish(office365E3(tenant, adele, null, MONDAY), MONDAY);
        publish(removal(assigned, TUESDAY), TUESDAY);
        await().atMost(APPLIED).until(() -> holders(BUSINESS_PREMIUM).isEmpty() && holders(OFFICE_365_E3).contains(adele.toString()));

        JsonPath user = users().queryParam("$select", "assignedLicenses,assignedPlans")
                .when().get("/v1.0/users/{id}", adele).then().statusCode(200).extract().jsonPath();

        assertThat(user.getList("assignedLicenses.skuId")).containsExactly(OFFICE_365_E3.toString());
        // Business Premium's Exchange Plan 1 is gone; its SharePoint Plan 1 too; E3's plans stay enabled
        assertThat(user.<Map<String, Object>>getList("assignedPlans")).contains(
                plan("2026-11-24T09:00:00Z", "Deleted", "exchange", EXCHANGE_S_STANDARD.servicePlanId()),
                plan("2026-11-24T09:00:00Z", "Deleted", "SharePoint", SHAREPOINTSTANDARD.servicePlanId()),
                plan("2026-11-23T09:00:00Z", "Enabled", "exchange", EXCHANGE_S_ENTERPRISE.servicePlanId()));
    }

    @Test
    void filterOnAProductFindsItsHoldersByDefaultAndCountsThemWithAdvancedQueryParameters() {
        publish(businessPremium(tenant, adele, MONDAY), MONDAY);
        publish(office365E3(tenant, alex, null, MONDAY), MONDAY);
        awaitHolders(OFFICE_365_E3, alex);
        awaitHolders(BUSINESS_PREMIUM, adele);

        users().queryParam("$filter", "assignedLicenses/any(x:x/skuId eq " + BUSINESS_PREMIUM + ")")
                .when().get("/v1.0/users")
                .then().statusCode(200)
                .body("value.id", equalTo(List.of(adele.toString())))
                .body("'@odata.count'", equalTo(null));
        users().header("ConsistencyLevel", "eventual").queryParam("$count", "true")
                .queryParam("$filter", "assignedLicenses/any(u: u/skuId eq " + OFFICE_365_E3 + ") and accountEnabled eq true")
                .when().get("/v1.0/users")
                .then().statusCode(200)
                .body("'@odata.count'", equalTo(1))
                .body("value.id", equalTo(List.of(alex.toString())));
        users().queryParam("$filter", "assignedLicenses/any(x:x/skuId eq " + BUSINESS_PREMIUM + ") and "
                        + "assignedLicenses/any(x:x/skuId eq " + OFFICE_365_E3 + ")")
                .when().get("/v1.0/users")
                .then().statusCode(200)
                .body("value", equalTo(List.of()));
    }

    @Test
    void usersWithoutLicensesAreFoundWithAdvancedQueryParametersOnly() {
        publish(businessPremium(tenant, adele, MONDAY), MONDAY);
        awaitHolders(BUSINESS_PREMIUM, adele);
        String unlicensed = "assignedLicenses/$count eq 0";

        users().queryParam("$filter", unlicensed).when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_UnsupportedQuery"))
                .body("error.message", equalTo("Operator '$count' is not supported because the required parameters might be"
                        + " missing. " + ADVANCED + " Refer to https://aka.ms/graph-docs/advanced-queries for more information"));
        users().header("ConsistencyLevel", "eventual").queryParam("$filter", unlicensed).when().get("/v1.0/users")
                .then().statusCode(400).body("error.code", equalTo("Request_UnsupportedQuery"));
        users().queryParam("$count", "true").queryParam("$filter", unlicensed).when().get("/v1.0/users")
                .then().statusCode(400).body("error.code", equalTo("Request_UnsupportedQuery"));

        JsonPath found = users().header("ConsistencyLevel", "eventual").queryParam("$count", "true")
                .queryParam("$filter", unlicensed).when().get("/v1.0/users")
                .then().statusCode(200).extract().jsonPath();
        assertThat(found.getList("value.id")).containsExactlyInAnyOrder(alex.toString(), megan.toString());
        assertThat(found.getInt("'@odata.count'")).isEqualTo(2);
        assertThat(advanced("assignedLicenses/$count ne 0")).containsExactly(adele.toString());
        assertThat(advanced("not assignedLicenses/any(x:x/skuId eq " + BUSINESS_PREMIUM + ")"))
                .containsExactlyInAnyOrder(alex.toString(), megan.toString());
        assertThat(advanced("NOT (assignedLicenses/any(x:x/skuId eq " + BUSINESS_PREMIUM + "))"))
                .containsExactlyInAnyOrder(alex.toString(), megan.toString());
        users().queryParam("$filter", "not assignedLicenses/any(x:x/skuId eq " + BUSINESS_PREMIUM + ")")
                .when().get("/v1.0/users")
                .then().statusCode(400)
                .body("error.message", equalTo("Operator 'not' is not supported because the required parameters might be"
                        + " missing. " + ADVANCED + " Refer to https://aka.ms/graph-docs/advanced-queries for more information"));
    }

    @Test
    void licenseFiltersGraphCannotRunAreRefusedNeverIgnored() {
        for (String filter : List.of("assignedLicenses/any(x:x/skuId eq " + BUSINESS_PREMIUM + ") or accountEnabled eq true",
                "assignedLicenses/any(x:x/disabledPlans eq " + BUSINESS_PREMIUM + ")", "assignedLicenses/$count gt 0")) {
            users().header("ConsistencyLevel", "eventual").queryParam("$count", "true").queryParam("$filter", filter)
                    .when().get("/v1.0/users")
                    .then().statusCode(400).body("error.code", equalTo("Request_UnsupportedQuery"));
        }
        for (String filter : List.of("assignedLicenses/any(x:x/skuId eq '" + BUSINESS_PREMIUM + "')",
                "assignedLicenses/any(x:y/skuId eq " + BUSINESS_PREMIUM + ")", "assignedLicenses/any(x:x/skuId eq SPB)",
                "assignedLicenses/any(x:x/skuId eq " + BUSINESS_PREMIUM, "assignedLicenses/$count eq -1")) {
            users().header("ConsistencyLevel", "eventual").queryParam("$count", "true").queryParam("$filter", filter)
                    .when().get("/v1.0/users")
                    .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        }
    }

    @Test
    void eventsArrivingInAnyOrderEndWithWhatTheLatestSays() {
        // adele: assigned Monday, removed Tuesday; the removal arrives first
        LicenseAssigned adeles = businessPremium(tenant, adele, MONDAY);
        publish(removal(adeles, TUESDAY), TUESDAY);
        publish(adeles, MONDAY);
        // alex: assigned Monday, removed Tuesday, assigned again Wednesday; they arrive Wednesday, Monday, Tuesday
        LicenseAssigned alexs = businessPremium(tenant, alex, MONDAY);
        publish(businessPremium(tenant, alex, WEDNESDAY), WEDNESDAY);
        publish(alexs, MONDAY);
        publish(removal(alexs, TUESDAY), TUESDAY);
        LicenseEventsOnKafka.awaitAllApplied();

        assertThat(holders(BUSINESS_PREMIUM)).containsExactly(alex.toString());
        assertThat(users().queryParam("$select", "licenseAssignmentStates").when().get("/v1.0/users/{id}", alex)
                .then().extract().jsonPath().getString("licenseAssignmentStates[0].lastUpdatedDateTime"))
                .isEqualTo("2026-11-25T09:00:00Z");
    }

    @Test
    void aRedeliveredEventDoesNotBringARemovedLicenseBack() {
        LicenseAssigned assigned = businessPremium(tenant, adele, MONDAY);
        UUID eventId = publish(assigned, MONDAY);
        publish(removal(assigned, TUESDAY), TUESDAY);
        LicenseEventsOnKafka.publish(eventId, assigned, MONDAY);
        LicenseEventsOnKafka.awaitAllApplied();

        assertThat(holders(BUSINESS_PREMIUM)).isEmpty();
    }

    @Test
    void eventsOfAnotherTenantOrOfAUserTheDirectoryDoesNotHaveChangeNothing() {
        publish(businessPremium(UUID.randomUUID(), adele, MONDAY), MONDAY);
        publish(businessPremium(tenant, UUID.randomUUID(), MONDAY), MONDAY);
        publish(businessPremium(tenant, megan, MONDAY), MONDAY);
        awaitHolders(BUSINESS_PREMIUM, megan);
        LicenseEventsOnKafka.awaitAllApplied();

        assertThat(holders(BUSINESS_PREMIUM)).containsExactly(megan.toString());
    }

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicAndTheUsersLaterEventsStillApply() {
        var headers = TestEvents.headers(UUID.randomUUID(), EventType.LICENSE_ASSIGNED.ceType(), "/licensing-service");
        LicenseEventsOnKafka.publishRaw(adele.toString(), "{\"tenantId\":\"not a guid\"}", headers);
        publish(businessPremium(tenant, adele, MONDAY), MONDAY);

        assertThat(LicenseEventsOnKafka.deadLetters(adele.toString(), 1)).singleElement()
                .satisfies(record -> assertThat(new String(record.headers().lastHeader(CloudEventHeaders.ID).value()))
                        .isEqualTo(headers.get(CloudEventHeaders.ID)));
        awaitHolders(BUSINESS_PREMIUM, adele);
    }

    @Test
    void aLicenseAssignedIsVisibleOnUsersWithinAFewHundredMilliseconds() {
        // the consistency window of the read model: from the event on licensing.license-events to /users
        List<Long> windows = new ArrayList<>();
        for (UUID user : List.of(adele, alex, megan)) {
            Instant now = Instant.now();
            long start = System.nanoTime();
            publish(businessPremium(tenant, user, now), now);
            await().atMost(APPLIED).pollInterval(Duration.ofMillis(5)).until(() -> holders(BUSINESS_PREMIUM).contains(user.toString()));
            windows.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(windows);
        LOG.infof("License event published -> visible on /users: %s ms (sorted)", windows);
        assertThat(windows.get(windows.size() - 1)).as("ms, slowest of %s", windows).isLessThan(2_000);
    }

    private List<String> advanced(String filter) {
        return users().header("ConsistencyLevel", "eventual").queryParam("$count", "true").queryParam("$filter", filter)
                .when().get("/v1.0/users").then().statusCode(200).extract().jsonPath().getList("value.id");
    }

    private void awaitHolders(UUID skuId, UUID user) {
        await().atMost(APPLIED).until(() -> holders(skuId).contains(user.toString()));
    }

    private List<String> holders(UUID skuId) {
        return users().queryParam("$filter", "assignedLicenses/any(x:x/skuId eq " + skuId + ")")
                .when().get("/v1.0/users").then().statusCode(200).extract().jsonPath().getList("value.id");
    }

    private RequestSpecification users() {
        return asUserAdministrator(tenant);
    }

    private static Map<String, Object> plan(String assigned, String status, String service, UUID planId) {
        return Map.of("assignedDateTime", assigned, "capabilityStatus", status, "service", service,
                "servicePlanId", planId.toString());
    }

    private static Map<String, Object> state(String group, List<String> disabledPlans, String updated, UUID skuId) {
        Map<String, Object> state = new java.util.HashMap<>();
        state.put("assignedByGroup", group);
        state.put("disabledPlans", disabledPlans);
        state.put("error", "None");
        state.put("lastUpdatedDateTime", updated);
        state.put("skuId", skuId.toString());
        state.put("state", "Active");
        return state;
    }

    private static String base() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
    }
}
