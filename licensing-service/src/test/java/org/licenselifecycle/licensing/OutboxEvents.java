package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;
import org.licenselifecycle.events.LicenseRemoved;

/** The events licensing wrote to its outbox for a key, in order, as the tests of group-based licensing read them. */
final class OutboxEvents {

    private OutboxEvents() {
    }

    static List<LicenseAssigned> assigned(AgroalDataSource dataSource, UUID user) {
        return Db.outboxPayloads(dataSource, user, EventType.LICENSE_ASSIGNED.ceType()).stream()
                .map(p -> EventJson.read(p, LicenseAssigned.class)).toList();
    }

    static List<LicenseRemoved> removed(AgroalDataSource dataSource, UUID user) {
        return Db.outboxPayloads(dataSource, user, EventType.LICENSE_REMOVED.ceType()).stream()
                .map(p -> EventJson.read(p, LicenseRemoved.class)).toList();
    }

    /** The user's licenseAssignmentStates as last announced; fails when none was. */
    static List<LicenseAssignmentState> lastStates(AgroalDataSource dataSource, UUID user) {
        List<LicenseAssignmentStatesChanged> all = Db.outboxPayloads(dataSource, user,
                EventType.LICENSE_ASSIGNMENT_STATES_CHANGED.ceType()).stream()
                .map(p -> EventJson.read(p, LicenseAssignmentStatesChanged.class)).toList();
        assertThat(all).as("states announced for %s", user).isNotEmpty();
        return all.get(all.size() - 1).states();
    }
}
