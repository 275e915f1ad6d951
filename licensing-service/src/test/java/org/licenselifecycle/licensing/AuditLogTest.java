package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.TestTenant.remove;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.support.sql.Sql;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.DirectoryAuditRecorded;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Every change of licenses and subscriptions is recorded in the tenant's audit log through the outbox, in the
 * transaction of the change, and published on {@code audit.directory-audits} (real Kafka), whence directory-service
 * keeps it: "Change user license" once per user and change, with who did it from the caller's token.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class AuditLogTest {

    @Inject
    Sql sql;

    @Test
    void aLicensesPageUnassignOfTwentyUsersRecordsOneChangeUserLicensePerUserByTheAdminWithOneCorrelationId() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 20);
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID user = tenant.newUser();
            tenant.assign(user, BUSINESS_PREMIUM);
            users.add(user);
        }
        try (ConsumerTask<String, String> entries = auditEntriesOf(tenant.id)) {
            given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(Map.of("userIds", users))
                    .post("/api/v1/licenses/{skuId}/unassign", BUSINESS_PREMIUM).then().statusCode(200);

            List<DirectoryAuditRecorded> removals = await().atMost(Duration.ofSeconds(30))
                    .until(() -> distinct(entries).stream().filter(entry -> entry.targetResources().get(0)
                            .modifiedProperties().get(0).newValue().equals("[]")).toList(), found -> found.size() >= 20);

            assertThat(removals).hasSize(20).allSatisfy(entry -> {
                assertThat(entry.activityDisplayName()).isEqualTo("Change user license");
                assertThat(entry.category()).isEqualTo("UserManagement");
                assertThat(entry.initiatedBy().user().id()).isEqualTo(tenant.adminOid);
                assertThat(entry.initiatedBy().app()).isNull();
                assertThat(entry.targetResources()).singleElement().satisfies(target -> {
                    assertThat(target.type()).isEqualTo("User");
                    assertThat(target.userPrincipalName()).startsWith("user-");
                    assertThat(target.modifiedProperties()).singleElement().satisfies(property -> {
                        assertThat(property.displayName()).isEqualTo("AssignedLicense");
                        assertThat(property.oldValue()).contains("SkuName=SPB", BUSINESS_PREMIUM.toString());
                    });
                });
            });
            assertThat(removals).extracting(entry -> UUID.fromString(entry.targetResources().get(0).id()))
                    .containsExactlyInAnyOrderElementsOf(users);
            assertThat(removals).extracting(DirectoryAuditRecorded::correlationId).containsOnly(
                    removals.get(0).correlationId());
        }
    }

    @Test
    void anApplicationsAssignLicenseIsRecordedAsTheApplicationsAndARefusedOneRecordsNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 1);
        UUID user = tenant.newUser();
        UUID other = tenant.newUser();
        String appId = UUID.randomUUID().toString();
        String app = DevTokens.app(tenant.id, appId, List.of("LicenseAssignment.ReadWrite.All"));
        long before = auditRows(tenant.id);

        // no seat left for the second: refused, nothing changes, nothing is recorded
        tenant.assignLicense(app, user, TestTenant.add(BUSINESS_PREMIUM)).then().statusCode(200);
        tenant.assignLicense(app, other, TestTenant.add(BUSINESS_PREMIUM)).then().statusCode(400);
        tenant.assignLicense(app, user, remove(BUSINESS_PREMIUM)).then().statusCode(200);

        assertThat(auditRows(tenant.id) - before).isEqualTo(2);
        try (ConsumerTask<String, String> entries = auditEntriesOf(tenant.id)) {
            List<DirectoryAuditRecorded> recorded = await().atMost(Duration.ofSeconds(30))
                    .until(() -> distinct(entries).stream()
                            .filter(entry -> entry.activityDisplayName().equals("Change user license")).toList(),
                            found -> found.size() >= 2);
            assertThat(recorded).hasSize(2).allSatisfy(entry -> {
                assertThat(entry.initiatedBy().user()).isNull();
                assertThat(entry.initiatedBy().app().appId()).isEqualTo(appId);
                assertThat(entry.targetResources().get(0).id()).isEqualTo(user.toString());
            });
            assertThat(recorded.get(0).targetResources().get(0).modifiedProperties().get(0).oldValue()).isEqualTo("[]");
            assertThat(recorded.get(1).targetResources().get(0).modifiedProperties().get(0).newValue()).isEqualTo("[]");
        }
    }

    @Test
    void licensesFreedByAUserDeletionAreRecordedAsTheSystems() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 1);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);
        Instant now = Instant.now();

        UserEvents.publish(UUID.randomUUID(), user, new UserDeleted(tenant.id, user, "leaver@contoso.example", null,
                tenant.adminOid, now, now.plus(Duration.ofDays(30))));

        try (ConsumerTask<String, String> entries = auditEntriesOf(tenant.id)) {
            DirectoryAuditRecorded freed = await().atMost(Duration.ofSeconds(30))
                    .until(() -> distinct(entries).stream().filter(entry -> entry.targetResources().get(0)
                            .modifiedProperties().get(0).newValue().equals("[]")).findFirst(), found -> found.isPresent())
                    .orElseThrow();
            assertThat(freed.activityDisplayName()).isEqualTo("Change user license");
            // no one's request: the event from the directory led licensing-service to it
            assertThat(freed.initiatedBy().user()).isNull();
            assertThat(freed.initiatedBy().app().displayName()).isEqualTo("licensing-service");
            assertThat(freed.targetResources().get(0).id()).isEqualTo(user.toString());
        }
    }

    @Test
    void subscriptionsAreRecordedWhenBoughtAndChanged() {
        TestTenant tenant = new TestTenant();
        String subscription = tenant.buy(BUSINESS_PREMIUM, 5);
        given().auth().oauth2(tenant.globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("licenses", 3, "recurringBilling", false))
                .patch("/api/v1/subscriptions/{id}", subscription).then().statusCode(200);

        try (ConsumerTask<String, String> entries = auditEntriesOf(tenant.id)) {
            List<DirectoryAuditRecorded> recorded = await().atMost(Duration.ofSeconds(30))
                    .until(() -> distinct(entries), found -> found.size() >= 2);

            assertThat(recorded).hasSize(2).extracting(DirectoryAuditRecorded::activityDisplayName)
                    .containsExactly("Add subscription", "Update subscription");
            DirectoryAuditRecorded.Target changed = recorded.get(1).targetResources().get(0);
            assertThat(changed.id()).isEqualTo(subscription);
            assertThat(changed.type()).isEqualTo("Subscription");
            assertThat(changed.displayName()).isEqualTo("Microsoft 365 Business Premium");
            assertThat(changed.modifiedProperties()).extracting(p -> p.displayName() + ": " + p.oldValue() + " -> "
                    + p.newValue()).containsExactly("Licenses: [\"5\"] -> [\"3\"]",
                            "RecurringBilling: [\"true\"] -> [\"false\"]");
        }
    }

    private long auditRows(UUID tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> sql.first(
                "SELECT count(*) FROM outbox_event WHERE ce_type = ? AND payload LIKE ?", row -> row.getLong(1),
                EventType.DIRECTORY_AUDIT_RECORDED.ceType(), "%\"tenantId\":\"" + tenantId + "\"%").orElseThrow());
    }

    private static ConsumerTask<String, String> auditEntriesOf(UUID tenantId) {
        return UserEvents.companion().consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(Set.of(Topics.AUDIT_EVENTS), records -> records.filter(r -> r.value().contains(tenantId.toString())));
    }

    /**
     * The entries received, each once (a redelivery is the same event id), oldest first (each travels under a key of
     * its own: the topic does not order them).
     */
    private static List<DirectoryAuditRecorded> distinct(ConsumerTask<String, String> entries) {
        Map<String, DirectoryAuditRecorded> byId = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : entries.getRecords()) {
            byId.putIfAbsent(new String(record.headers().lastHeader(CloudEventHeaders.ID).value(),
                    java.nio.charset.StandardCharsets.UTF_8), EventJson.read(record.value(), DirectoryAuditRecorded.class));
        }
        List<DirectoryAuditRecorded> distinct = new ArrayList<>(byId.values());
        distinct.sort(java.util.Comparator.comparing(DirectoryAuditRecorded::activityDateTime));
        return distinct;
    }
}
