package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.APPLIED;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.OFFICE_365_E3;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.publish;
import static org.licenselifecycle.directory.UserFixtures.createUser;

import com.microsoft.graph.models.LicenseAssignmentState;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.directory.GraphClients;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Graph's {@code licenseAssignmentStates} of a user say ActiveWithError as licensing states it (a license held through a
 * group whose last processing of the user failed), read with the official Graph Java SDK.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class ActiveWithErrorStatesTest {

    @Test
    void theSdkReadsAnActiveWithErrorStateWithItsGroupAndError() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.fromString(createUser(tenant, "kim"));
        UUID group = UUID.randomUUID();
        Instant at = Instant.parse("2026-12-01T09:00:00Z");

        publish(new LicenseAssignmentStatesChanged(tenant, user, List.of(
                new LicenseAssignmentStatesChanged.LicenseAssignmentState(OFFICE_365_E3, List.of(), group,
                        "ActiveWithError", "CountViolation", at)), at), at);

        GraphServiceClient graph = GraphClients.withToken(DevTokens.token(tenant, DirectoryRole.USER_ADMINISTRATOR));
        await().atMost(APPLIED).until(() -> !states(graph, user).isEmpty());
        assertThat(states(graph, user)).singleElement().satisfies(state -> {
            assertThat(state.getSkuId()).isEqualTo(OFFICE_365_E3);
            assertThat(state.getAssignedByGroup()).isEqualTo(group.toString());
            assertThat(state.getState()).isEqualTo("ActiveWithError");
            assertThat(state.getError()).isEqualTo("CountViolation");
        });
    }

    private static List<LicenseAssignmentState> states(GraphServiceClient graph, UUID user) {
        return graph.users().byUserId(user.toString()).get(request -> request.queryParameters.select =
                new String[] {"licenseAssignmentStates"}).getLicenseAssignmentStates();
    }
}
