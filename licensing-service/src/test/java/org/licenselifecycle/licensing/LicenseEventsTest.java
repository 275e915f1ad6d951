package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_ENTERPRISE;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_STANDARD;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.SHAREPOINTSTANDARD;
import static org.licenselifecycle.licensing.Catalog.TEAMS1;
import static org.licenselifecycle.licensing.TestTenant.remove;
import static org.licenselifecycle.testsupport.TestEvents.header;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.events.ServicePlan;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.MovableClock;

@QuarkusTest
@WithTestResource(Rig.class)
class LicenseEventsTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T09:00:00Z");
    /** SharePoint (Plan 2), Office 365 E3's OneDrive. */
    private static final UUID SHAREPOINTENTERPRISE = UUID.fromString("5dbe027f-2339-4123-9542-606e4d348a72");

    @Inject
    MovableClock clock;

    @Test
    void assignmentsAndRemovalsArePublishedAsCloudEventsKeyedByTheUser() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM, OFFICE_365_E3);
        UUID user = tenant.newUser();
        try (ConsumerTask<String, String> events = PublishedLicenseEvents.of(user)) {
            clock.fixAt(MONDAY);
            tenant.assign(user, BUSINESS_PREMIUM, TEAMS1);
            tenant.assign(user, OFFICE_365_E3);
            clock.fixAt(TUESDAY);
            tenant.unassign(user, BUSINESS_PREMIUM);
            tenant.unassign(user, OFFICE_365_E3);

            List<ConsumerRecord<String, String>> records = distinctEvents(events, 4);

            assertThat(records).extracting(r -> header(r, CloudEventHeaders.TYPE)).containsExactly(
                    EventType.LICENSE_ASSIGNED.ceType(), EventType.LICENSE_ASSIGNED.ceType(),
                    EventType.LICENSE_REMOVED.ceType(), EventType.LICENSE_REMOVED.ceType());
            assertThat(records).allSatisfy(r -> {
                assertThat(r.topic()).isEqualTo(Topics.LICENSE_EVENTS);
                assertThat(UUID.fromString(header(r, CloudEventHeaders.ID))).isNotNull();
                assertThat(header(r, CloudEventHeaders.SOURCE)).isEqualTo("/licensing-service");
                assertThat(header(r, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
                assertThat(OffsetDateTime.parse(header(r, CloudEventHeaders.TIME))).isNotNull();
            });

            LicenseAssigned businessPremium = EventJson.read(records.get(0).value(), LicenseAssigned.class);
            assertThat(businessPremium.tenantId()).isEqualTo(tenant.id);
            assertThat(businessPremium.userId()).isEqualTo(user);
            assertThat(businessPremium.userPrincipalName()).startsWith("user-");
            assertThat(businessPremium.skuId()).isEqualTo(BUSINESS_PREMIUM);
            assertThat(businessPremium.skuPartNumber()).isEqualTo("SPB");
            assertThat(businessPremium.servicePlans()).extracting(ServicePlan::servicePlanId)
                    .contains(EXCHANGE_S_STANDARD).doesNotContain(TEAMS1);
            assertThat(businessPremium.exchangeOnline()).isTrue();
            assertThat(businessPremium.assignedBy()).isEqualTo(tenant.adminOid);
            assertThat(businessPremium.assignedAt()).isEqualTo(MONDAY);
            // what the directory shows on the user: Graph's assignedLicenses and assignedPlans
            assertThat(businessPremium.disabledPlans()).containsExactly(TEAMS1);
            assertThat(businessPremium.assignedByGroup()).isNull();
            assertThat(businessPremium.servicePlans()).filteredOn(plan -> plan.servicePlanId().equals(EXCHANGE_S_STANDARD))
                    .extracting(ServicePlan::service).containsExactly("exchange");
            assertThat(businessPremium.servicePlans()).allSatisfy(plan -> assertThat(plan.service()).isNotBlank());

            LicenseRemoved firstRemoval = EventJson.read(records.get(2).value(), LicenseRemoved.class);
            assertThat(firstRemoval.skuId()).isEqualTo(BUSINESS_PREMIUM);
            assertThat(firstRemoval.skuPartNumber()).isEqualTo("SPB");
            assertThat(firstRemoval.removedServicePlans()).isEqualTo(businessPremium.servicePlans());
            assertThat(firstRemoval.exchangeOnline()).isTrue();
            // Office 365 E3 still gives the user Exchange Online (Plan 2): the mailbox stays
            assertThat(firstRemoval.exchangeOnlineRetained()).isTrue();
            assertThat(firstRemoval.reason()).isEqualTo(RemovalReason.UNASSIGNED);
            assertThat(firstRemoval.removedBy()).isEqualTo(tenant.adminOid);
            assertThat(firstRemoval.removedAt()).isEqualTo(TUESDAY);

            LicenseRemoved lastRemoval = EventJson.read(records.get(3).value(), LicenseRemoved.class);
            assertThat(lastRemoval.skuId()).isEqualTo(OFFICE_365_E3);
            assertThat(lastRemoval.removedServicePlans()).extracting(ServicePlan::servicePlanId).contains(EXCHANGE_S_ENTERPRISE);
            assertThat(lastRemoval.exchangeOnline()).isTrue();
            assertThat(lastRemoval.exchangeOnlineRetained()).isFalse();
        }
    }

    @Test
    void swappingProductsInOneCallRemovesTheOldOneWithExchangeRetainedThroughTheNewOne() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM, OFFICE_365_E3);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);
        try (ConsumerTask<String, String> events = PublishedLicenseEvents.of(user)) {
            tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + OFFICE_365_E3 + "\"}],\"removeLicenses\":[\""
                    + BUSINESS_PREMIUM + "\"]}").then().statusCode(200);

            List<ConsumerRecord<String, String>> records = distinctEvents(events, 3);

            LicenseRemoved removed = EventJson.read(records.get(1).value(), LicenseRemoved.class);
            assertThat(removed.skuId()).isEqualTo(BUSINESS_PREMIUM);
            assertThat(removed.exchangeOnline()).isTrue();
            assertThat(removed.exchangeOnlineRetained()).isTrue();
            LicenseAssigned assigned = EventJson.read(records.get(2).value(), LicenseAssigned.class);
            assertThat(assigned.skuId()).isEqualTo(OFFICE_365_E3);
            assertThat(assigned.exchangeOnline()).isTrue();
        }
    }

    @Test
    void assignmentsSayFromTheCatalogWhetherTheMailboxIsEnterpriseAndWhetherOneDriveComesWithThem() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM, OFFICE_365_E3);
        UUID user = tenant.newUser();
        try (ConsumerTask<String, String> events = PublishedLicenseEvents.of(user)) {
            tenant.assign(user, BUSINESS_PREMIUM);
            tenant.assign(user, OFFICE_365_E3);
            tenant.assign(user, OFFICE_365_E3, EXCHANGE_S_ENTERPRISE, SHAREPOINTENTERPRISE);

            List<ConsumerRecord<String, String>> records = distinctEvents(events, 3);

            LicenseAssigned businessPremium = EventJson.read(records.get(0).value(), LicenseAssigned.class);
            assertThat(businessPremium.exchangeEnterprise()).isFalse(); // Exchange Online Plan 1
            assertThat(businessPremium.oneDrive()).isTrue();
            LicenseAssigned e3 = EventJson.read(records.get(1).value(), LicenseAssigned.class);
            assertThat(e3.exchangeEnterprise()).isTrue(); // Exchange Online Plan 2
            assertThat(e3.oneDrive()).isTrue();
            // the plans turned off for the user count no more
            LicenseAssigned e3WithoutMailboxNorOneDrive = EventJson.read(records.get(2).value(), LicenseAssigned.class);
            assertThat(e3WithoutMailboxNorOneDrive.exchangeEnterprise()).isFalse();
            assertThat(e3WithoutMailboxNorOneDrive.oneDrive()).isFalse();
        }
    }

    @Test
    void licensesWithoutAnEnabledExchangePlanSayNoExchangeOnline() {
        TestTenant tenant = TestTenant.buying(5, APPS_FOR_BUSINESS, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        try (ConsumerTask<String, String> events = PublishedLicenseEvents.of(user)) {
            tenant.assign(user, APPS_FOR_BUSINESS);
            tenant.assign(user, BUSINESS_PREMIUM, EXCHANGE_S_STANDARD);
            tenant.unassign(user, BUSINESS_PREMIUM);

            List<ConsumerRecord<String, String>> records = distinctEvents(events, 3);

            assertThat(EventJson.read(records.get(0).value(), LicenseAssigned.class).exchangeOnline()).isFalse();
            LicenseAssigned withoutExchange = EventJson.read(records.get(1).value(), LicenseAssigned.class);
            assertThat(withoutExchange.exchangeOnline()).isFalse();
            assertThat(withoutExchange.servicePlans()).extracting(ServicePlan::servicePlanId).doesNotContain(EXCHANGE_S_STANDARD);
            LicenseRemoved removed = EventJson.read(records.get(2).value(), LicenseRemoved.class);
            assertThat(removed.exchangeOnline()).isFalse();
            assertThat(removed.exchangeOnlineRetained()).isFalse();
        }
    }

    @Test
    void removingBothMailboxLicensesOfAUserInTwoConcurrentCallsDisconnectsTheMailboxExactlyOnce() throws Exception {
        TestTenant tenant = TestTenant.buying(10, BUSINESS_PREMIUM, OFFICE_365_E3);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID user = tenant.newUser();
            tenant.assign(user, BUSINESS_PREMIUM);
            tenant.assign(user, OFFICE_365_E3);
            users.add(user);
        }
        try (ConsumerTask<String, String> events = UserEvents.companion().consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(Set.of(Topics.LICENSE_EVENTS), records -> records.filter(r -> users.contains(UUID.fromString(r.key()))))) {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (UUID user : users) {
                for (UUID product : List.of(BUSINESS_PREMIUM, OFFICE_365_E3)) {
                    calls.add(() -> tenant.assignLicense(user, remove(product)).statusCode());
                }
            }
            for (int status : Race.run(calls)) {
                assertThat(status).isEqualTo(200);
            }

            // each call locks the user and reads their licenses after the other call committed: the second
            // removal knows no mailbox license is left, whichever ran second
            List<LicenseRemoved> removals = distinctEvents(events, 4 * users.size()).stream()
                    .filter(r -> header(r, CloudEventHeaders.TYPE).equals(EventType.LICENSE_REMOVED.ceType()))
                    .map(r -> EventJson.read(r.value(), LicenseRemoved.class))
                    .toList();
            assertThat(removals).hasSize(2 * users.size());
            for (UUID user : users) {
                assertThat(removals).filteredOn(removed -> removed.userId().equals(user))
                        .extracting(LicenseRemoved::exchangeOnlineRetained)
                        .containsExactlyInAnyOrder(true, false);
            }
        }
    }

    @Test
    void aLicenseInheritedFromAGroupIsAnnouncedWithItsGroup() {
        TestTenant tenant = TestTenant.buying(3, BUSINESS_PREMIUM);
        UUID member = tenant.newUser();
        try (ConsumerTask<String, String> events = PublishedLicenseEvents.of(member)) {
            UUID group = Groups.givingWithout(tenant, "Sales", BUSINESS_PREMIUM, member, TEAMS1, SHAREPOINTSTANDARD);
            // a change of the group license's disabled plans keeps it the group's (a direct assignment joining it
            // turns on what it enables: SharePoint)
            tenant.assign(member, BUSINESS_PREMIUM, TEAMS1);

            // each change also announces the member's licenseAssignmentStates (a user with a group)
            await().atMost(Duration.ofSeconds(30)).until(() -> distinct(events.getRecords()).stream()
                    .filter(r -> header(r, CloudEventHeaders.TYPE).equals(EventType.LICENSE_ASSIGNED.ceType())).count() >= 2);
            List<ConsumerRecord<String, String>> records = distinct(events.getRecords()).stream()
                    .filter(r -> header(r, CloudEventHeaders.TYPE).equals(EventType.LICENSE_ASSIGNED.ceType())).toList();

            LicenseAssigned inherited = EventJson.read(records.get(0).value(), LicenseAssigned.class);
            assertThat(inherited.assignedByGroup()).isEqualTo(group);
            assertThat(inherited.disabledPlans()).containsExactly(TEAMS1, SHAREPOINTSTANDARD);
            LicenseAssigned changed = EventJson.read(records.get(1).value(), LicenseAssigned.class);
            assertThat(changed.assignedByGroup()).isEqualTo(group);
            assertThat(changed.disabledPlans()).containsExactly(TEAMS1);
        }
    }

    @Test
    void turningExchangeOffAndOnInsideALicenseIsAnnouncedAndAChangeOfNothingIsNot() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        try (ConsumerTask<String, String> events = PublishedLicenseEvents.of(user)) {
            clock.fixAt(MONDAY);
            tenant.assign(user, BUSINESS_PREMIUM);
            tenant.assign(user, BUSINESS_PREMIUM, EXCHANGE_S_STANDARD);
            tenant.assign(user, BUSINESS_PREMIUM, EXCHANGE_S_STANDARD); // as the user holds it: nothing changes
            clock.fixAt(TUESDAY);
            tenant.assign(user, BUSINESS_PREMIUM); // Exchange enabled again
            tenant.assign(user, BUSINESS_PREMIUM); // nothing changes
            tenant.unassign(user, BUSINESS_PREMIUM);

            // events of one user are published in order: an event for a change of nothing would come before the removal
            List<ConsumerRecord<String, String>> records = distinctEvents(events, 4);

            assertThat(records).extracting(r -> header(r, CloudEventHeaders.TYPE)).containsExactly(
                    EventType.LICENSE_ASSIGNED.ceType(), EventType.LICENSE_ASSIGNED.ceType(),
                    EventType.LICENSE_ASSIGNED.ceType(), EventType.LICENSE_REMOVED.ceType());
            LicenseAssigned assigned = EventJson.read(records.get(0).value(), LicenseAssigned.class);
            assertThat(assigned.exchangeOnline()).isTrue();
            assertThat(assigned.exchangeOnlineRetained()).isTrue();
            LicenseAssigned turnedOff = EventJson.read(records.get(1).value(), LicenseAssigned.class);
            assertThat(turnedOff.skuId()).isEqualTo(BUSINESS_PREMIUM);
            assertThat(turnedOff.disabledPlans()).containsExactly(EXCHANGE_S_STANDARD);
            assertThat(turnedOff.servicePlans()).extracting(ServicePlan::servicePlanId).doesNotContain(EXCHANGE_S_STANDARD);
            assertThat(turnedOff.exchangeOnline()).isFalse();
            // no other license gives Exchange Online: the mailbox loses its license as on a removal
            assertThat(turnedOff.exchangeOnlineRetained()).isFalse();
            assertThat(turnedOff.assignedBy()).isEqualTo(tenant.adminOid);
            assertThat(turnedOff.assignedAt()).isEqualTo(MONDAY);
            LicenseAssigned turnedOn = EventJson.read(records.get(2).value(), LicenseAssigned.class);
            assertThat(turnedOn.disabledPlans()).isEmpty();
            assertThat(turnedOn.servicePlans()).extracting(ServicePlan::servicePlanId).contains(EXCHANGE_S_STANDARD);
            assertThat(turnedOn.exchangeOnline()).isTrue();
            assertThat(turnedOn.exchangeOnlineRetained()).isTrue();
            assertThat(turnedOn.assignedAt()).isEqualTo(TUESDAY);
        }
    }

    @Test
    void exchangeTurnedOffInOneLicenseIsRetainedThroughAnotherThatStillEnablesIt() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM, OFFICE_365_E3);
        UUID user = tenant.newUser();
        try (ConsumerTask<String, String> events = PublishedLicenseEvents.of(user)) {
            tenant.assign(user, BUSINESS_PREMIUM);
            tenant.assign(user, OFFICE_365_E3);
            tenant.assign(user, BUSINESS_PREMIUM, EXCHANGE_S_STANDARD);

            List<ConsumerRecord<String, String>> records = distinctEvents(events, 3);

            LicenseAssigned turnedOff = EventJson.read(records.get(2).value(), LicenseAssigned.class);
            assertThat(turnedOff.skuId()).isEqualTo(BUSINESS_PREMIUM);
            assertThat(turnedOff.exchangeOnline()).isFalse();
            // Office 365 E3 still enables Exchange Online (Plan 2): the mailbox stays
            assertThat(turnedOff.exchangeOnlineRetained()).isTrue();
        }
    }

    @Test
    void aRefusedCallPublishesNothing() {
        TestTenant tenant = TestTenant.buying(5, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        try (ConsumerTask<String, String> events = PublishedLicenseEvents.of(user)) {
            tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + BUSINESS_PREMIUM + "\"}],\"removeLicenses\":[\""
                    + OFFICE_365_E3 + "\"]}").then().statusCode(400);
            tenant.assign(user, BUSINESS_PREMIUM);
            tenant.unassign(user, BUSINESS_PREMIUM);

            // events of one user are published in order: anything from the refused call would come first
            List<ConsumerRecord<String, String>> records = distinctEvents(events, 2);

            assertThat(records).extracting(r -> header(r, CloudEventHeaders.TYPE))
                    .startsWith(EventType.LICENSE_ASSIGNED.ceType(), EventType.LICENSE_REMOVED.ceType());
        }
    }

    /**
     * The first {@code count} events received, each once: publishing is at least once, so a relay pass
     * retried after the broker's ack may send an event again, with the same ce_id (consumers skip it).
     */
    private static List<ConsumerRecord<String, String>> distinctEvents(ConsumerTask<String, String> events, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> distinct(events.getRecords()).size() >= count);
        return distinct(events.getRecords()).subList(0, count);
    }

    private static List<ConsumerRecord<String, String>> distinct(List<ConsumerRecord<String, String>> records) {
        Map<String, ConsumerRecord<String, String>> byId = new LinkedHashMap<>();
        records.forEach(r -> byId.putIfAbsent(header(r, CloudEventHeaders.ID), r));
        return new ArrayList<>(byId.values());
    }
}
