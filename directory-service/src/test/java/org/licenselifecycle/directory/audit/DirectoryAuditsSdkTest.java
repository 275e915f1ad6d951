package org.licenselifecycle.directory.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.directory.AuditEventsOnKafka.KEPT;
import static org.licenselifecycle.directory.AuditEventsOnKafka.bySystem;
import static org.licenselifecycle.directory.AuditEventsOnKafka.licenseChange;
import static org.licenselifecycle.directory.AuditEventsOnKafka.publish;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.DirectoryAudit;
import com.microsoft.graph.models.DirectoryAuditCollectionResponse;
import com.microsoft.graph.models.OperationResult;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.directory.GraphClients;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/** Microsoft's own Graph Java SDK, unchanged, reading the audit log: its models, its filter and top, its PageIterator. */
@QuarkusTest
@WithTestResource(Rig.class)
class DirectoryAuditsSdkTest {

    private static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    private UUID tenant;
    private GraphServiceClient graph;

    @BeforeEach
    void clientOfAReportsReader() {
        tenant = UUID.randomUUID();
        graph = GraphClients.withToken(DevTokens.token(tenant, DirectoryRole.REPORTS_READER));
    }

    @Test
    void theSdkListsTheLogWithFilterAndTopAcrossPagesWithItsPageIterator() throws Exception {
        UUID user = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        List<String> changes = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            changes.add(0, publish(licenseChange(tenant, user, admin, MONDAY.plusSeconds(60L * i))).toString());
        }
        publish(bySystem(tenant, "Delete user", user, MONDAY.plusSeconds(90)));
        await().atMost(KEPT).until(() -> graph.auditLogs().directoryAudits().get().getValue().size() == 6);

        DirectoryAuditCollectionResponse first = graph.auditLogs().directoryAudits().get(request -> {
            request.queryParameters.filter = "activityDisplayName eq 'Change user license'"
                    + " and activityDateTime ge 2026-11-23T09:00:00Z";
            request.queryParameters.top = 2;
        });
        assertThat(first.getValue()).hasSize(2);
        assertThat(first.getOdataNextLink()).startsWith("http://");
        List<DirectoryAudit> seen = new ArrayList<>();
        new PageIterator.Builder<DirectoryAudit, DirectoryAuditCollectionResponse>()
                .client(graph)
                .collectionPage(first)
                .collectionPageFactory(DirectoryAuditCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(seen::add)
                .build()
                .iterate();

        assertThat(seen).extracting(DirectoryAudit::getId).containsExactlyElementsOf(changes);
        DirectoryAudit newest = seen.get(0);
        assertThat(newest.getActivityDisplayName()).isEqualTo("Change user license");
        assertThat(newest.getActivityDateTime()).isEqualTo(OffsetDateTime.ofInstant(MONDAY.plusSeconds(240), ZoneOffset.UTC));
        assertThat(newest.getResult()).isEqualTo(OperationResult.Success);
        assertThat(newest.getCategory()).isEqualTo("UserManagement");
        assertThat(newest.getLoggedByService()).isEqualTo("Core Directory");
        assertThat(newest.getInitiatedBy().getUser().getId()).isEqualTo(admin.toString());
        assertThat(newest.getInitiatedBy().getUser().getUserPrincipalName()).isEqualTo("megan@contoso.com");
        assertThat(newest.getTargetResources()).singleElement().satisfies(target -> {
            assertThat(target.getId()).isEqualTo(user.toString());
            assertThat(target.getModifiedProperties()).singleElement()
                    .satisfies(property -> assertThat(property.getDisplayName()).isEqualTo("AssignedLicense"));
        });

        DirectoryAudit one = graph.auditLogs().directoryAudits().byDirectoryAuditId(changes.get(4)).get();
        assertThat(one.getActivityDateTime()).isEqualTo(OffsetDateTime.ofInstant(MONDAY, ZoneOffset.UTC));
    }

    @Test
    void theSdkReadsABadFilterAsAnODataError() {
        assertThatThrownBy(() -> graph.auditLogs().directoryAudits().get(request ->
                request.queryParameters.filter = "activityDateTime ge tomorrow"))
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(400);
                    assertThat(error.getError().getMessage()).startsWith("Invalid filter clause");
                });
    }
}
