package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Group-based licensing across the three services as built, over the broker: a membership made in directory (Graph's
 * members/$ref) reaches licensing, which gives the group's product (Graph's group assignLicense) or takes it away;
 * data-lifecycle follows the license as for any other (the mailbox's grace period when it goes), and directory shows
 * licensing's states (Graph's licenseAssignmentStates).
 */
class GroupLicensesEndToEndIT {

    private static final Duration GRACE = Duration.ofDays(30);

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
    }

    @Test
    void aMemberInheritsTheGroupsLicenseAndLeavingTheGroupStartsTheMailboxGracePeriod() {
        AdminClient admin = new AdminClient(system);
        admin.buy(AdminClient.BUSINESS_PREMIUM, 2);
        String userId = admin.createUser("megan.bowen");
        String sales = admin.createGroup("Sales");
        admin.addMember(sales, userId);
        admin.assignToGroup(sales, AdminClient.BUSINESS_PREMIUM);

        admin.awaitMailbox(userId, "ACTIVE");
        await("directory shows the state from the group").atMost(AdminClient.EVENTUALLY).untilAsserted(() ->
                assertThat(admin.licenseAssignmentStates(userId)).singleElement().satisfies(state -> assertThat(state)
                        .containsEntry("assignedByGroup", sales).containsEntry("state", "Active")
                        .containsEntry("skuId", AdminClient.BUSINESS_PREMIUM)));
        assertThat(admin.product(AdminClient.BUSINESS_PREMIUM).get("assigned")).isEqualTo(1);

        Instant beforeLeaving = Instant.now();
        admin.removeMember(sales, userId);

        JsonPath mailbox = admin.awaitMailbox(userId, "DISCONNECTED");
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        Instant removedAt = Instant.parse(mailbox.getString("removedAt"));
        assertThat(removedAt).isAfterOrEqualTo(beforeLeaving.minusSeconds(1));
        assertThat(Instant.parse(mailbox.getString("purgeAfter"))).isEqualTo(removedAt.plus(GRACE));
        assertThat(admin.oneDrive(userId).getString("state")).as("OneDrive stays").isEqualTo("ACTIVE");
        assertThat(admin.product(AdminClient.BUSINESS_PREMIUM).get("assigned")).isEqualTo(0);
        await("directory shows no state left").atMost(AdminClient.EVENTUALLY).until(() ->
                admin.licenseAssignmentStates(userId).isEmpty());
    }

    @Test
    void theProductHeldDirectlyAndThroughTheGroupTakesOneSeatAndStaysWithItsMailboxWhenTheMemberLeaves() {
        AdminClient admin = new AdminClient(system);
        admin.buy(AdminClient.BUSINESS_PREMIUM, 2);
        String userId = admin.createUser("pradeep.gupta");
        admin.assign(userId, AdminClient.BUSINESS_PREMIUM);
        String engineering = admin.createGroup("Engineering");
        admin.addMember(engineering, userId);
        admin.assignToGroup(engineering, AdminClient.BUSINESS_PREMIUM);

        await("directory shows the direct and the inherited state").atMost(AdminClient.EVENTUALLY).untilAsserted(() ->
                assertThat(admin.licenseAssignmentStates(userId)).extracting(state -> state.get("assignedByGroup"))
                        .containsExactlyInAnyOrder(null, engineering));
        assertThat(admin.product(AdminClient.BUSINESS_PREMIUM).get("assigned")).as("one seat").isEqualTo(1);

        admin.removeMember(engineering, userId);

        await("only the direct state is left").atMost(AdminClient.EVENTUALLY).untilAsserted(() ->
                assertThat(admin.licenseAssignmentStates(userId)).extracting(state -> state.get("assignedByGroup"))
                        .containsExactly((Object) null));
        assertThat(admin.licensesOf(userId)).contains(AdminClient.BUSINESS_PREMIUM);
        assertThat(admin.mailbox(userId).getString("state")).isEqualTo("ACTIVE");
        assertThat(admin.product(AdminClient.BUSINESS_PREMIUM).get("assigned")).isEqualTo(1);
    }

    @Test
    void aMemberBeyondTheSeatsIsInErrorUntilSeatsAreAddedAndTheGroupIsReprocessed() {
        AdminClient admin = new AdminClient(system);
        admin.buy(AdminClient.OFFICE_365_E3, 1);
        String first = admin.createUser("isaiah.langer");
        String second = admin.createUser("joni.sherman");
        String marketing = admin.createGroup("Marketing");
        admin.addMember(marketing, first);
        admin.addMember(marketing, second);
        admin.assignToGroup(marketing, AdminClient.OFFICE_365_E3);

        await("one member in CountViolation").atMost(AdminClient.EVENTUALLY).untilAsserted(() -> {
            List<Object> errors = List.of(admin.licenseAssignmentStates(first), admin.licenseAssignmentStates(second))
                    .stream().flatMap(List::stream).map(state -> state.get("error")).toList();
            assertThat(errors).containsExactlyInAnyOrder("None", "CountViolation");
        });
        assertThat(admin.product(AdminClient.OFFICE_365_E3)).containsEntry("assigned", 1).containsEntry("available", 0);

        admin.buy(AdminClient.OFFICE_365_E3, 1);
        given().baseUri(system.licensing.baseUrl()).auth().oauth2(admin.licenseAdmin)
                .post("/v1.0/groups/{id}/reprocessLicenseAssignment", marketing)
                .then().statusCode(200);

        await("both Active, both with a mailbox").atMost(AdminClient.EVENTUALLY).untilAsserted(() -> {
            for (String member : List.of(first, second)) {
                assertThat(admin.licenseAssignmentStates(member)).extracting(state -> state.get("state"))
                        .containsExactly("Active");
                assertThat(admin.mailbox(member)).isNotNull();
            }
        });
        assertThat(admin.product(AdminClient.OFFICE_365_E3)).containsEntry("assigned", 2);
    }
}
