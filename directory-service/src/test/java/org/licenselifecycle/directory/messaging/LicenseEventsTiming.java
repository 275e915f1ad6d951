package org.licenselifecycle.directory.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.directory.AuditEventsOnKafka;
import org.licenselifecycle.directory.LicenseEventsOnKafka;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.support.inbox.Inbox;
import org.licenselifecycle.testsupport.CpuTiming;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * Not a test (its name keeps it out of the suite): the CPU that an unassign's events cost this service and its database
 * per unassign, one by one and in batches, with the consumers' own effects: LicenseRemoved on
 * {@code licensing.license-events} ({@link LicenseEventsConsumer}) and the audit entry on {@code audit.directory-audits}
 * ({@link AuditEventsConsumer}), for users the directory has. Run it with
 * {@code ./mvnw -B -ntp -pl directory-service -am verify -Dtest=LicenseEventsTiming -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class LicenseEventsTiming {

    private static final int EVENTS = 1000;

    @Inject
    Inbox inbox;

    @Inject
    LicenseEventsConsumer licenseEvents;

    @Inject
    AuditEventsConsumer auditEvents;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void printTheCostPerUnassignOneByOneAndTogether() {
        CpuTiming.atEachBatchSize(this::run);
    }

    private void run(String name, int size) {
        Instant now = Instant.now();
        UUID tenantId = UUID.randomUUID();
        List<UUID> users = users(tenantId, EVENTS);
        List<ConsumerRecord<String, String>> assigned = new ArrayList<>();
        List<ConsumerRecord<String, String>> removed = new ArrayList<>();
        List<ConsumerRecord<String, String>> audits = new ArrayList<>();
        for (UUID userId : users) {
            LicenseAssigned assignment = LicenseEventsOnKafka.businessPremium(tenantId, userId, now);
            assigned.add(record(Topics.LICENSE_EVENTS, userId.toString(), assignment, now));
            removed.add(record(Topics.LICENSE_EVENTS, userId.toString(), LicenseEventsOnKafka.removal(assignment, now.plusSeconds(1)),
                    now.plusSeconds(1)));
            audits.add(record(Topics.AUDIT_EVENTS, UUID.randomUUID().toString(),
                    AuditEventsOnKafka.licenseChange(tenantId, userId, UUID.randomUUID(), now.plusSeconds(1)), now.plusSeconds(1)));
        }
        for (List<ConsumerRecord<String, String>> batch : CpuTiming.batches(assigned, 200)) {
            inbox.deliverTogether(LicenseEventsConsumer.CONSUMER, batch, licenseEvents.effects());
        }
        CpuTiming.Cost license = CpuTiming.oneByOneOrInBatches(jdbcUrl, removed, size,
                record -> inbox.deliver(LicenseEventsConsumer.CONSUMER, record, licenseEvents.effects()),
                batch -> inbox.deliverTogether(LicenseEventsConsumer.CONSUMER, batch, licenseEvents.effects()));
        CpuTiming.Cost audit = CpuTiming.oneByOneOrInBatches(jdbcUrl, audits, size,
                record -> inbox.deliver(AuditEventsConsumer.CONSUMER, record, auditEvents.effects()),
                batch -> inbox.deliverTogether(AuditEventsConsumer.CONSUMER, batch, auditEvents.effects()));
        CpuTiming.Cost both = license.plus(audit);
        System.out.printf("Directory timing, %-14s %d unassigns: per unassign %6.0f us CPU in the JVM (LicenseRemoved %4.0f,"
                + " audit entry %4.0f), %6.0f us CPU in PostgreSQL (%4.0f, %4.0f), %6.0f us wall%n", name, EVENTS,
                both.threadMicros(), license.threadMicros(), audit.threadMicros(), both.databaseMicros(),
                license.databaseMicros(), audit.databaseMicros(), both.wallMicros());
    }

    /** {@code count} users of the tenant, written straight into the directory's table (as created through Graph). */
    private List<UUID> users(UUID tenantId, int count) {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO users (id, tenant_id, user_principal_name, display_name, mail_nickname, account_enabled,
                                   password_hash, force_change_password_next_sign_in, created_at)
                VALUES (?, ?, ?, 'Adele Vance', 'adele', true, 'x', false, now())""")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                s.setObject(1, id);
                s.setObject(2, tenantId);
                s.setString(3, "adele." + id + "@contoso.onmicrosoft.com");
                s.addBatch();
                ids.add(id);
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private static ConsumerRecord<String, String> record(String topic, String key, Record data, Instant time) {
        Map<String, String> headers = TestEvents.headers(UUID.randomUUID(), EventType.of(data).ceType(), "/licensing-service");
        headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.atOffset(ZoneOffset.UTC)));
        return TestEvents.received(topic, key, EventJson.write(data), headers);
    }
}
