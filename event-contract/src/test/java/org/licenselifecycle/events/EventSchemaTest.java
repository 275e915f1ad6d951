package org.licenselifecycle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The records and the JSON schemas are one contract: each must describe exactly the other. */
class EventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID TENANT = UUID.fromString("8f2d6f1c-0000-4000-8000-00000000c0de");
    private static final UUID USER = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-11-27T10:15:30Z");
    private static final List<ServicePlan> PLANS = List.of(
            new ServicePlan(UUID.fromString("9aaf7827-d63c-4b61-89c3-182f06f82e5c"), "EXCHANGE_S_STANDARD", "exchange"));

    static Record sample(EventType type) {
        return switch (type) {
            case USER_CREATED -> new UserCreated(TENANT, USER, "adele.vance@contoso.onmicrosoft.com", "Adele Vance",
                    "adele.vance", "US", true, AT);
            case USER_UPDATED -> new UserUpdated(TENANT, USER, "adele.vance@contoso.onmicrosoft.com", "Adele Vance",
                    "US", false, UUID.randomUUID(), AT);
            case USER_DELETED -> new UserDeleted(TENANT, USER, "adele.vance@contoso.onmicrosoft.com", null,
                    UUID.randomUUID(), AT, AT.plus(java.time.Duration.ofDays(30)));
            case USER_RESTORED -> new UserRestored(TENANT, USER, "adele.vance@contoso.onmicrosoft.com",
                    UUID.randomUUID(), AT);
            case USER_PURGED -> new UserPurged(TENANT, USER, "adele.vance@contoso.onmicrosoft.com", null, AT);
            case USER_LICENSES_RELEASE_REQUESTED -> new UserLicensesReleaseRequested(TENANT, USER,
                    "adele.vance@contoso.onmicrosoft.com", UUID.randomUUID(), AT);
            case GROUP_MEMBERSHIP_CHANGED -> new GroupMembershipChanged(TENANT, USER, UUID.randomUUID(), "Sales",
                    true, null, AT);
            case GROUP_LICENSES_CHANGED -> new GroupLicensesChanged(TENANT, UUID.randomUUID(), List.of(
                    new GroupLicensesChanged.GroupLicense(UUID.fromString("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"),
                            List.of(UUID.fromString("c7699d2e-19aa-44de-8edf-1736da088ca1")))), UUID.randomUUID(), AT);
            case LICENSE_ASSIGNMENT_STATES_CHANGED -> new LicenseAssignmentStatesChanged(TENANT, USER, List.of(
                    new LicenseAssignmentStatesChanged.LicenseAssignmentState(
                            UUID.fromString("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"), List.of(), UUID.randomUUID(),
                            "Error", "CountViolation", AT)), AT);
            case LICENSE_ASSIGNED -> new LicenseAssigned(TENANT, USER, "adele.vance@contoso.onmicrosoft.com",
                    UUID.fromString("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"), "SPB", PLANS, true, UUID.randomUUID(), AT,
                    List.of(UUID.fromString("c7699d2e-19aa-44de-8edf-1736da088ca1")), UUID.randomUUID(), false, true);
            case LICENSE_REMOVED -> new LicenseRemoved(TENANT, USER, "adele.vance@contoso.onmicrosoft.com",
                    UUID.fromString("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"), "SPB", PLANS, true, false,
                    RemovalReason.UNASSIGNED, null, AT);
            case DIRECTORY_AUDIT_RECORDED -> new DirectoryAuditRecorded(TENANT, "UserManagement", UUID.randomUUID(),
                    "success", null, "Change user license", AT, "Core Directory", "Update",
                    new DirectoryAuditRecorded.Initiator(new DirectoryAuditRecorded.UserIdentity(UUID.randomUUID(),
                            "Megan Bowen", "megan.bowen@contoso.onmicrosoft.com", "203.0.113.7"), null),
                    List.of(new DirectoryAuditRecorded.Target(USER.toString(), "Adele Vance", "User",
                            "adele.vance@contoso.onmicrosoft.com", List.of(new DirectoryAuditRecorded.ModifiedProperty(
                                    "AssignedLicense", "[\"SPB\"]", "[]")))),
                    List.of(new DirectoryAuditRecorded.KeyValue("UserType", "Member")));
        };
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventWrittenByItsRecordValidatesAgainstItsSchema(EventType type) throws IOException {
        Record event = sample(type);
        Set<?> errors = schema(type).validate(JSON.readTree(EventJson.write(event)));
        assertThat(errors).isEmpty();
        assertThat(EventJson.read(EventJson.write(event), type.dataClass())).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaPropertiesAreExactlyTheRecordComponents(EventType type) throws IOException {
        JsonNode schemaJson = schemaJson(type);
        Set<String> properties = new HashSet<>();
        schemaJson.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> required = new HashSet<>();
        schemaJson.get("required").forEach(n -> required.add(n.asText()));
        assertThat(properties).isEqualTo(components(type.dataClass(), false));
        assertThat(required).as("every field but those added later").isEqualTo(components(type.dataClass(), true));
        assertThat(schemaJson.get("title").asText()).isEqualTo(type.eventName());
        JsonNode plan = schemaJson.at("/$defs/servicePlan");
        if (!plan.isMissingNode()) {
            Set<String> planProperties = new HashSet<>();
            plan.get("properties").fieldNames().forEachRemaining(planProperties::add);
            Set<String> planRequired = new HashSet<>();
            plan.get("required").forEach(n -> planRequired.add(n.asText()));
            assertThat(planProperties).isEqualTo(components(ServicePlan.class, false));
            assertThat(planRequired).isEqualTo(components(ServicePlan.class, true));
        }
    }

    /** LicenseRemoved as consumers built before {@code deletedSubscriptionId} read it. */
    record LicenseRemovedBeforeSubscriptionLife(UUID tenantId, UUID userId, String userPrincipalName, UUID skuId,
            String skuPartNumber, List<ServicePlan> removedServicePlans, boolean exchangeOnline,
            boolean exchangeOnlineRetained, RemovalReason reason, UUID removedBy, Instant removedAt) {
    }

    @Test
    void aLicenseTakenAwayWithItsDeletedSubscriptionSaysUnassignedToOlderConsumersAndItsOwnCauseToNewerOnes()
            throws IOException {
        UUID subscription = UUID.randomUUID();
        LicenseRemoved removed = new LicenseRemoved(TENANT, USER, "adele.vance@contoso.onmicrosoft.com",
                UUID.fromString("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"), "SPB", PLANS, true, false,
                RemovalReason.SUBSCRIPTION_DELETED, null, AT, subscription);
        String json = EventJson.write(removed);

        assertThat(schema(EventType.LICENSE_REMOVED).validate(JSON.readTree(json))).isEmpty();
        assertThat(JSON.readTree(json).get("reason").asText()).isEqualTo("UNASSIGNED");
        LicenseRemoved read = EventJson.read(json, LicenseRemoved.class);
        assertThat(read.cause()).isEqualTo(RemovalReason.SUBSCRIPTION_DELETED);
        assertThat(read.deletedSubscriptionId()).isEqualTo(subscription);
        // a consumer built before the field reads the same event as an unassign: the license goes, the user stays
        assertThat(EventJson.read(json, LicenseRemovedBeforeSubscriptionLife.class).reason())
                .isEqualTo(RemovalReason.UNASSIGNED);
        assertThatThrownBy(() -> new LicenseRemoved(TENANT, USER, "adele.vance@contoso.onmicrosoft.com",
                UUID.fromString("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"), "SPB", PLANS, true, false,
                RemovalReason.SUBSCRIPTION_DELETED, null, AT, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLicenseNoLongerInheritedSaysUnassignedToOlderConsumersAndItsOwnCauseToNewerOnes() throws IOException {
        UUID group = UUID.randomUUID();
        LicenseRemoved removed = new LicenseRemoved(TENANT, USER, "adele.vance@contoso.onmicrosoft.com",
                UUID.fromString("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"), "SPB", PLANS, true, false,
                RemovalReason.NO_LONGER_INHERITED, null, AT, null, group);
        String json = EventJson.write(removed);

        assertThat(schema(EventType.LICENSE_REMOVED).validate(JSON.readTree(json))).isEmpty();
        assertThat(JSON.readTree(json).get("reason").asText()).isEqualTo("UNASSIGNED");
        LicenseRemoved read = EventJson.read(json, LicenseRemoved.class);
        assertThat(read.cause()).isEqualTo(RemovalReason.NO_LONGER_INHERITED);
        assertThat(read.noLongerInheritedFrom()).isEqualTo(group);
        assertThat(EventJson.read(json, LicenseRemovedBeforeSubscriptionLife.class).reason())
                .isEqualTo(RemovalReason.UNASSIGNED);
        assertThatThrownBy(() -> new LicenseRemoved(TENANT, USER, "adele.vance@contoso.onmicrosoft.com",
                UUID.fromString("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"), "SPB", PLANS, true, false,
                RemovalReason.NO_LONGER_INHERITED, null, AT, null, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLicenseRemovedWrittenBeforeDeletedSubscriptionIdReadsItAsNullWithItsOwnReason() {
        LicenseRemoved older = new LicenseRemoved(TENANT, USER, "adele.vance@contoso.onmicrosoft.com",
                UUID.fromString("cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46"), "SPB", PLANS, true, false,
                RemovalReason.USER_DELETED, null, AT);
        String json = EventJson.write(older).replace(",\"deletedSubscriptionId\":null", "");
        assertThat(json).doesNotContain("deletedSubscriptionId");

        LicenseRemoved read = EventJson.read(json, LicenseRemoved.class);

        assertThat(read.deletedSubscriptionId()).isNull();
        assertThat(read.cause()).isEqualTo(RemovalReason.USER_DELETED);
    }

    @Test
    void aLicenseAssignedWrittenBeforeTheFieldsAddedLaterReadsThemAsNull() throws IOException {
        String older = """
                {"tenantId":"%s","userId":"%s","userPrincipalName":"adele.vance@contoso.onmicrosoft.com",
                 "skuId":"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46","skuPartNumber":"SPB",
                 "servicePlans":[{"servicePlanId":"9aaf7827-d63c-4b61-89c3-182f06f82e5c","servicePlanName":"EXCHANGE_S_STANDARD"}],
                 "exchangeOnline":true,"assignedBy":null,"assignedAt":"2026-11-27T10:15:30Z"}""".formatted(TENANT, USER);
        assertThat(schema(EventType.LICENSE_ASSIGNED).validate(JSON.readTree(older))).isEmpty();

        LicenseAssigned read = EventJson.read(older, LicenseAssigned.class);

        assertThat(read.disabledPlans()).isNull();
        assertThat(read.assignedByGroup()).isNull();
        assertThat(read.exchangeEnterprise()).isNull();
        assertThat(read.oneDrive()).isNull();
        assertThat(read.servicePlans()).singleElement().satisfies(plan -> {
            assertThat(plan.servicePlanName()).isEqualTo("EXCHANGE_S_STANDARD");
            assertThat(plan.service()).isNull();
        });
        // a field that was there from the start is still required
        assertThatThrownBy(() -> EventJson.read(older.replace("\"assignedBy\":null,", ""), LicenseAssigned.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsAnEventMissingAField(EventType type) throws IOException {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(EventJson.write(sample(type)));
        // every event names its tenant
        json.remove("tenantId");
        assertThat(schema(type).validate(json)).isNotEmpty();
    }

    @Test
    void anAuditEntryInitiatedByNeitherAUserNorAnAppCannotBeRead() throws IOException {
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(
                EventJson.write(sample(EventType.DIRECTORY_AUDIT_RECORDED)));
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("initiatedBy")).putNull("user");
        assertThatThrownBy(() -> EventJson.read(json.toString(), DirectoryAuditRecorded.class))
                .isInstanceOf(MalformedEventException.class);
        assertThat(new DirectoryAuditRecorded.Initiator(null, new DirectoryAuditRecorded.AppIdentity(null,
                "licensing-service", null)).app().displayName()).isEqualTo("licensing-service");
    }

    @Test
    void readingDataThatDoesNotFitTheRecordIsAMalformedEvent() {
        assertThatThrownBy(() -> EventJson.read("{\"tenantId\":\"not-a-guid\"}", UserCreated.class))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.read("not json", LicenseRemoved.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void anEventWithoutARequiredFieldOrWithABrokenUpnCannotBeMadeNorRead() {
        assertThatThrownBy(() -> new LicenseRemoved(TENANT, USER, "adele.vance@contoso.onmicrosoft.com",
                UUID.randomUUID(), "SPB", PLANS, true, false, null, null, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> new UserCreated(TENANT, USER, "no-at-sign", "Adele", "adele", null, true, AT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userPrincipalName");
        String withNullTenant = EventJson.write(sample(EventType.LICENSE_ASSIGNED)).replace(TENANT.toString(), "x")
                .replace("\"x\"", "null");
        assertThatThrownBy(() -> EventJson.read(withNullTenant, LicenseAssigned.class))
                .isInstanceOf(MalformedEventException.class);
        String withNullPlan = EventJson.write(sample(EventType.LICENSE_REMOVED))
                .replaceFirst("\\[\\{[^]]*\\}\\]", "[null]");
        assertThatThrownBy(() -> EventJson.read(withNullPlan, LicenseRemoved.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void ceTypesAreVersionedAndResolveBackToTheirType() {
        for (EventType type : EventType.values()) {
            assertThat(type.ceType()).startsWith("org.licenselifecycle.").endsWith(".v" + EventType.VERSION);
            assertThat(EventType.fromCeType(type.ceType())).contains(type);
        }
        assertThat(EventType.fromCeType("org.licenselifecycle.directory.SomethingNew.v9")).isEmpty();
    }

    /** The record's components, without those {@link AddedLater} when {@code requiredOnly}. */
    private static Set<String> components(Class<?> record, boolean requiredOnly) {
        return Arrays.stream(record.getRecordComponents())
                .filter(c -> !requiredOnly || !c.isAnnotationPresent(AddedLater.class))
                .map(c -> c.getName()).collect(Collectors.toSet());
    }

    private static JsonSchema schema(EventType type) throws IOException {
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaJson(type), config);
    }

    private static JsonNode schemaJson(EventType type) throws IOException {
        try (InputStream in = EventSchemaTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema %s on the classpath", type.schemaResource()).isNotNull();
            return JSON.readTree(in);
        }
    }
}
