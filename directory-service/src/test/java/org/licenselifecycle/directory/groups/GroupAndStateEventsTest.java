package org.licenselifecycle.directory.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.GroupFixtures.createGroup;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.APPLIED;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.BUSINESS_PREMIUM;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.OFFICE_365_E3;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.TEAMS1;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.businessPremium;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.publish;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.createUser;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.directory.GroupFixtures;
import org.licenselifecycle.directory.LicenseEventsOnKafka;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.GroupLicensesChanged;
import org.licenselifecycle.events.GroupLicensesChanged.GroupLicense;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * licensing-service's group events folded into what Graph shows: a group's {@code assignedLicenses}
 * (GroupLicensesChanged, the whole list) and a user's {@code licenseAssignmentStates}
 * (LicenseAssignmentStatesChanged, the whole list), the latest event winning whatever the order they arrive in,
 * through the Inbox (idempotent; unreadable ones to the dead-letter topic).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class GroupAndStateEventsTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");

    private UUID tenant;
    private String group;
    private UUID adele;

    @BeforeEach
    void aGroupAndAUser() {
        tenant = UUID.randomUUID();
        group = createGroup(tenant, "Licensed staff");
        adele = UUID.fromString(createUser(tenant, "adele"));
    }

    @Test
    void aGroupShowsTheLicensesLicensingLastSaidItGivesAnOlderEventChangingNothing() {
        publish(groupLicenses(TUESDAY, new GroupLicense(OFFICE_365_E3, List.of(TEAMS1.servicePlanId())),
                new GroupLicense(BUSINESS_PREMIUM, List.of())), TUESDAY);
        publish(groupLicenses(MONDAY, new GroupLicense(BUSINESS_PREMIUM, List.of())), MONDAY);
        await().atMost(APPLIED).until(() -> assignedLicenses().size() == 2);
        LicenseEventsOnKafka.awaitAllApplied();

        assertThat(assignedLicenses()).containsExactlyInAnyOrder(
                Map.of("disabledPlans", List.of(), "skuId", BUSINESS_PREMIUM.toString()),
                Map.of("disabledPlans", List.of(TEAMS1.servicePlanId().toString()), "skuId", OFFICE_365_E3.toString()));
        as(tenant).when().get("/v1.0/groups/{id}?$select=id,assignedLicenses", group).then().statusCode(200)
                .body("'@odata.context'", org.hamcrest.Matchers.endsWith("/v1.0/$metadata#groups(id,assignedLicenses)/$entity"));
        // listed too, and only when selected
        assertThat(as(tenant).when().get("/v1.0/groups?$select=id,assignedLicenses").then().statusCode(200)
                .extract().jsonPath().getList("value[0].assignedLicenses.skuId"))
                .containsExactlyInAnyOrder(BUSINESS_PREMIUM.toString(), OFFICE_365_E3.toString());
        assertThat(as(tenant).when().get("/v1.0/groups/{id}", group).then().extract().jsonPath().getMap(""))
                .doesNotContainKey("assignedLicenses");

        publish(groupLicenses(Instant.parse("2026-11-25T09:00:00Z")), Instant.parse("2026-11-25T09:00:00Z"));
        await().atMost(APPLIED).until(() -> assignedLicenses().isEmpty());
    }

    @Test
    void aUsersLicenseAssignmentStatesAreLicensingsOnceItStatesThemAndTheirOwnLicensesBefore() {
        publish(businessPremium(tenant, adele, MONDAY), MONDAY);
        await().atMost(APPLIED).until(() -> states().size() == 1);
        // before licensing states them: each license held, one direct Active state
        assertThat(states()).singleElement().satisfies(state -> assertThat(state)
                .containsEntry("assignedByGroup", null).containsEntry("state", "Active").containsEntry("error", "None")
                .containsEntry("skuId", BUSINESS_PREMIUM.toString()));

        UUID groupId = UUID.fromString(group);
        publish(new LicenseAssignmentStatesChanged(tenant, adele, List.of(
                new LicenseAssignmentState(BUSINESS_PREMIUM, List.of(), null, "Active", "None", MONDAY),
                new LicenseAssignmentState(OFFICE_365_E3, List.of(TEAMS1.servicePlanId()), groupId, "Error",
                        "CountViolation", TUESDAY)), TUESDAY), TUESDAY);
        publish(new LicenseAssignmentStatesChanged(tenant, adele, List.of(), MONDAY), MONDAY);
        await().atMost(APPLIED).until(() -> states().size() == 2);
        LicenseEventsOnKafka.awaitAllApplied();

        assertThat(states()).containsExactly(
                state(null, List.of(), "None", "2026-11-23T09:00:00Z", BUSINESS_PREMIUM, "Active"),
                state(group, List.of(TEAMS1.servicePlanId().toString()), "CountViolation", "2026-11-24T09:00:00Z",
                        OFFICE_365_E3, "Error"));
    }

    @Test
    void aUserWhoLeftTheirLastGroupHasTheStatesOfTheLicensesTheyHoldAgainAndLaterDirectChangesShow() {
        UUID groupId = UUID.fromString(group);
        publish(businessPremium(tenant, adele, MONDAY), MONDAY);
        publish(new LicenseAssignmentStatesChanged(tenant, adele, List.of(
                new LicenseAssignmentState(BUSINESS_PREMIUM, List.of(), null, "Active", "None", MONDAY),
                new LicenseAssignmentState(OFFICE_365_E3, List.of(), groupId, "Error", "CountViolation", MONDAY)),
                MONDAY), MONDAY);
        await().atMost(APPLIED).until(() -> states().size() == 2);
        // left the group: licensing's last statement has no group state, and it states none of the later changes
        publish(new LicenseAssignmentStatesChanged(tenant, adele, List.of(
                new LicenseAssignmentState(BUSINESS_PREMIUM, List.of(), null, "Active", "None", MONDAY)), TUESDAY),
                TUESDAY);
        Instant wednesday = Instant.parse("2026-11-25T09:00:00Z");
        publish(LicenseEventsOnKafka.removal(businessPremium(tenant, adele, MONDAY), wednesday), wednesday);
        await().atMost(APPLIED).until(() -> states().isEmpty());
        LicenseEventsOnKafka.awaitAllApplied();

        assertThat(states()).as("the removal shows, not the stale statement").isEmpty();
    }

    @Test
    void theSameEventTwiceAppliesOnceAndEventsOfAnotherTenantOrAGroupThatIsGoneChangeNothing() {
        UUID eventId = UUID.randomUUID();
        GroupLicensesChanged given = groupLicenses(MONDAY, new GroupLicense(OFFICE_365_E3, List.of()));
        LicenseEventsOnKafka.publish(eventId, given, MONDAY);
        LicenseEventsOnKafka.publish(eventId, given, MONDAY);
        publish(new GroupLicensesChanged(UUID.randomUUID(), UUID.fromString(group),
                List.of(new GroupLicense(BUSINESS_PREMIUM, List.of())), null, TUESDAY), TUESDAY);
        publish(new GroupLicensesChanged(tenant, UUID.randomUUID(),
                List.of(new GroupLicense(BUSINESS_PREMIUM, List.of())), null, TUESDAY), TUESDAY);
        await().atMost(APPLIED).until(() -> assignedLicenses().size() == 1);
        LicenseEventsOnKafka.awaitAllApplied();

        assertThat(assignedLicenses()).extracting(license -> license.get("skuId")).containsExactly(OFFICE_365_E3.toString());
    }

    @Test
    void aGroupThatStillGivesLicensesCannotBeDeletedUntilLicensingSaysItGivesNone() {
        GroupFixtures.addMember(tenant, UUID.randomUUID(), group, adele.toString()).statusCode(204);
        publish(groupLicenses(MONDAY, new GroupLicense(OFFICE_365_E3, List.of())), MONDAY);
        await().atMost(APPLIED).until(() -> assignedLicenses().size() == 1);

        as(tenant, DirectoryRole.GROUPS_ADMINISTRATOR).when().delete("/v1.0/groups/{id}", group).then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("Group " + group + " still has licenses assigned. You must remove all "
                        + "licenses assigned to a group before you can delete the group."));
        // nothing changed: the group, its products and its member are still there
        assertThat(assignedLicenses()).extracting(license -> license.get("skuId")).containsExactly(OFFICE_365_E3.toString());
        as(tenant).when().get("/v1.0/groups/{id}/members", group).then().statusCode(200)
                .body("value.id", contains(adele.toString()));

        publish(groupLicenses(TUESDAY), TUESDAY);
        await().atMost(APPLIED).until(() -> assignedLicenses().isEmpty());
        as(tenant, DirectoryRole.GROUPS_ADMINISTRATOR).when().delete("/v1.0/groups/{id}", group).then().statusCode(204);
        as(tenant).when().get("/v1.0/groups/{id}", group).then().statusCode(404);
    }

    @Test
    void anUnreadableGroupEventGoesToTheDeadLetterTopicAndTheGroupsLaterEventsStillApply() {
        var headers = TestEvents.headers(UUID.randomUUID(), EventType.GROUP_LICENSES_CHANGED.ceType(), "/licensing-service");
        LicenseEventsOnKafka.publishRaw(group, "{\"tenantId\":\"" + tenant + "\",\"groupId\":\"" + group + "\"}", headers);
        publish(groupLicenses(MONDAY, new GroupLicense(OFFICE_365_E3, List.of())), MONDAY);

        assertThat(LicenseEventsOnKafka.deadLetters(group, 1)).singleElement()
                .satisfies(record -> assertThat(new String(record.headers().lastHeader(CloudEventHeaders.ID).value()))
                        .isEqualTo(headers.get(CloudEventHeaders.ID)));
        await().atMost(APPLIED).until(() -> assignedLicenses().size() == 1);
    }

    private GroupLicensesChanged groupLicenses(Instant at, GroupLicense... licenses) {
        return new GroupLicensesChanged(tenant, UUID.fromString(group), List.of(licenses), UUID.randomUUID(), at);
    }

    private List<Map<String, Object>> assignedLicenses() {
        return as(tenant).when().get("/v1.0/groups/{id}?$select=assignedLicenses", group)
                .then().statusCode(200).extract().jsonPath().getList("assignedLicenses");
    }

    private List<Map<String, Object>> states() {
        return as(tenant).when().get("/v1.0/users/{id}?$select=licenseAssignmentStates", adele)
                .then().statusCode(200).extract().jsonPath().getList("licenseAssignmentStates");
    }

    private static Map<String, Object> state(String group, List<String> disabledPlans, String error, String updated,
            UUID skuId, String state) {
        Map<String, Object> json = new java.util.HashMap<>();
        json.put("assignedByGroup", group);
        json.put("disabledPlans", disabledPlans);
        json.put("error", error);
        json.put("lastUpdatedDateTime", updated);
        json.put("skuId", skuId.toString());
        json.put("state", state);
        return json;
    }
}
