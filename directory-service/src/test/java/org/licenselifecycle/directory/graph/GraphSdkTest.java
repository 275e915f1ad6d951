package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.APPLIED;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.BUSINESS_PREMIUM;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.EXCHANGE_S_ENTERPRISE;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.OFFICE_365_E3;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.SHAREPOINTENTERPRISE;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.TEAMS1;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.businessPremium;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.office365E3;
import static org.licenselifecycle.directory.LicenseEventsOnKafka.publish;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.AssignedPlan;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.ReferenceUpdate;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.directory.GraphClients;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Microsoft's own Graph Java SDK, unchanged, pointed at this service: whatever it cannot parse or
 * send is a compatibility bug here.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class GraphSdkTest {

    private UUID tenant;
    private GraphServiceClient graph;

    @BeforeEach
    void clientOfAUserAdministrator() {
        tenant = UUID.randomUUID();
        graph = GraphClients.withToken(DevTokens.token(tenant, DirectoryRole.USER_ADMINISTRATOR));
    }

    @Test
    void theSdkCreatesUsersAndListsThemAcrossPagesWithItsPageIterator() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create("sdkpager" + i).getId());
        }

        UserCollectionResponse first = graph.users().get(request -> {
            request.queryParameters.top = 2;
            request.queryParameters.select = new String[] {"id", "userPrincipalName", "accountEnabled"};
        });
        assertThat(first.getValue()).hasSize(2);
        assertThat(first.getOdataNextLink()).startsWith("http://");
        List<User> seen = new ArrayList<>();
        new PageIterator.Builder<User, UserCollectionResponse>()
                .client(graph)
                .collectionPage(first)
                .collectionPageFactory(UserCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(seen::add)
                .build()
                .iterate();

        assertThat(seen).extracting(User::getId).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(seen).allSatisfy(user -> {
            assertThat(user.getUserPrincipalName()).endsWith("@contoso.com");
            assertThat(user.getAccountEnabled()).isTrue();
            assertThat(user.getDisplayName()).as("not selected").isNull();
        });
    }

    @Test
    void theSdkDeletesAUserFindsItInDeletedItemsAndRestoresItWithTheSameId() {
        User user = create("sdkdeleted");
        create("sdkkept");

        graph.users().byUserId(user.getId()).delete();

        assertThat(graph.users().get().getValue()).extracting(User::getId).doesNotContain(user.getId());
        List<User> deleted = graph.directory().deletedItems().graphUser().get().getValue();
        assertThat(deleted).singleElement().satisfies(d -> {
            assertThat(d.getId()).isEqualTo(user.getId());
            assertThat(d.getUserPrincipalName()).isEqualTo("sdkdeleted@contoso.com");
            assertThat(d.getDeletedDateTime()).isBefore(OffsetDateTime.now().plusSeconds(1));
        });
        // the cast of one item: GET /directory/deletedItems/{id}/graph.user
        User one = graph.directory().deletedItems().byDirectoryObjectId(user.getId()).graphUser().get();
        assertThat(one.getUserPrincipalName()).isEqualTo("sdkdeleted@contoso.com");
        assertThat(one.getDeletedDateTime()).isNotNull();

        DirectoryObject restored = graph.directory().deletedItems().byDirectoryObjectId(user.getId()).restore().post();
        assertThat(restored).isInstanceOf(User.class);
        assertThat(restored.getId()).isEqualTo(user.getId());
        assertThat(((User) restored).getUserPrincipalName()).isEqualTo("sdkdeleted@contoso.com");
        assertThat(graph.users().byUserId(user.getId()).get().getDisplayName()).isEqualTo("SDK sdkdeleted");
        assertThat(graph.directory().deletedItems().graphUser().get().getValue()).isEmpty();
    }

    @Test
    void theSdkUpdatesFiltersAndReadsGraphErrors() {
        User user = create("sdkpatched");
        create("sdkother");

        User changes = new User();
        changes.setUsageLocation("DE");
        changes.setJobTitle("Buyer");
        graph.users().byUserId(user.getId()).patch(changes);

        List<User> inGermany = graph.users().get(request -> request.queryParameters.filter = "usageLocation eq 'DE'").getValue();
        assertThat(inGermany).extracting(User::getId).containsExactly(user.getId());
        assertThat(inGermany.get(0).getJobTitle()).isEqualTo("Buyer");

        assertThatThrownBy(() -> graph.users().byUserId(UUID.randomUUID().toString()).get())
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(404);
                    assertThat(error.getError().getCode()).isEqualTo("Request_ResourceNotFound");
                });
    }

    @Test
    void theSdkSetsReadsAndRemovesAManagerByReference() {
        User employee = create("sdkemployee");
        User boss = create("sdkboss");

        ReferenceUpdate reference = new ReferenceUpdate();
        reference.setOdataId("https://graph.microsoft.com/v1.0/users/" + boss.getId());
        graph.users().byUserId(employee.getId()).manager().ref().put(reference);

        DirectoryObject manager = graph.users().byUserId(employee.getId()).manager().get();
        assertThat(manager).isInstanceOf(User.class);
        assertThat(((User) manager).getUserPrincipalName()).isEqualTo("sdkboss@contoso.com");

        graph.users().byUserId(employee.getId()).manager().ref().delete();
        assertThatThrownBy(() -> graph.users().byUserId(employee.getId()).manager().get())
                .isInstanceOfSatisfying(ODataError.class, error -> assertThat(error.getResponseStatusCode()).isEqualTo(404));
    }

    @Test
    void theSdkFindsTheHoldersOfAProductWithItsCountAndReadsTheirAssignedLicenses() {
        User holder = create("sdkholder");
        create("sdkunlicensed");
        Instant now = Instant.now();
        publish(businessPremium(tenant, UUID.fromString(holder.getId()), now), now);
        String holdersOfBusinessPremium = "assignedLicenses/any(x:x/skuId eq " + BUSINESS_PREMIUM + ")";
        await().atMost(APPLIED).until(() -> !graph.users().get(request -> request.queryParameters.filter = holdersOfBusinessPremium)
                .getValue().isEmpty());

        UserCollectionResponse holders = graph.users().get(request -> {
            request.queryParameters.filter = holdersOfBusinessPremium;
            request.queryParameters.count = true;
            request.queryParameters.select = new String[] {"id", "assignedLicenses"};
            request.headers.add("ConsistencyLevel", "eventual");
        });

        assertThat(holders.getOdataCount()).isEqualTo(1L);
        assertThat(holders.getValue()).singleElement().satisfies(user -> {
            assertThat(user.getId()).isEqualTo(holder.getId());
            assertThat(user.getAssignedLicenses()).singleElement().satisfies(license -> {
                assertThat(license.getSkuId()).isEqualTo(BUSINESS_PREMIUM);
                assertThat(license.getDisabledPlans()).containsExactly(TEAMS1.servicePlanId());
            });
        });
        UserCollectionResponse unlicensed = graph.users().get(request -> {
            request.queryParameters.filter = "assignedLicenses/$count eq 0";
            request.queryParameters.count = true;
            request.headers.add("ConsistencyLevel", "eventual");
        });
        assertThat(unlicensed.getValue()).extracting(User::getUserPrincipalName).containsExactly("sdkunlicensed@contoso.com");
        assertThat(unlicensed.getOdataCount()).isEqualTo(1L);
    }

    @Test
    void theSdkReadsAUsersAssignedPlansAndLicenseAssignmentStates() {
        User holder = create("sdkplans");
        UUID group = UUID.randomUUID();
        Instant now = Instant.now();
        publish(office365E3(tenant, UUID.fromString(holder.getId()), group, now), now);
        await().atMost(APPLIED).until(() -> !graph.users().byUserId(holder.getId())
                .get(request -> request.queryParameters.select = new String[] {"assignedLicenses"}).getAssignedLicenses().isEmpty());

        User user = graph.users().byUserId(holder.getId()).get(request -> request.queryParameters.select =
                new String[] {"assignedLicenses", "assignedPlans", "licenseAssignmentStates"});

        assertThat(user.getAssignedPlans()).extracting(AssignedPlan::getServicePlanId)
                .containsExactlyInAnyOrder(EXCHANGE_S_ENTERPRISE.servicePlanId(), SHAREPOINTENTERPRISE.servicePlanId(),
                        TEAMS1.servicePlanId());
        assertThat(user.getAssignedPlans()).allSatisfy(plan -> {
            assertThat(plan.getCapabilityStatus()).isEqualTo("Enabled");
            assertThat(plan.getAssignedDateTime()).isNotNull();
        });
        assertThat(user.getAssignedPlans()).extracting(AssignedPlan::getService).contains("exchange", "SharePoint");
        assertThat(user.getLicenseAssignmentStates()).singleElement().satisfies(state -> {
            assertThat(state.getSkuId()).isEqualTo(OFFICE_365_E3);
            assertThat(state.getAssignedByGroup()).isEqualTo(group.toString());
            assertThat(state.getState()).isEqualTo("Active");
            assertThat(state.getError()).isEqualTo("None");
            assertThat(state.getLastUpdatedDateTime()).isNotNull();
        });
    }

    @Test
    void theSdkCountsOrdersAndSearchesUsers() {
        create("sdkzoe");
        create("sdkamy");
        create("sdkbob");

        Integer count = graph.users().count().get(request -> request.headers.add("ConsistencyLevel", "eventual"));
        assertThat(count).isEqualTo(3);
        List<User> ordered = graph.users().get(request -> request.queryParameters.orderby = new String[] {"displayName desc"})
                .getValue();
        assertThat(ordered).extracting(User::getDisplayName).containsExactly("SDK sdkzoe", "SDK sdkbob", "SDK sdkamy");
        List<User> found = graph.users().get(request -> {
            request.queryParameters.search = "\"displayName:sdkam\"";
            request.headers.add("ConsistencyLevel", "eventual");
        }).getValue();
        assertThat(found).extracting(User::getDisplayName).containsExactly("SDK sdkamy");
        assertThatThrownBy(() -> graph.users().count().get())
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(400);
                    assertThat(error.getError().getCode()).isEqualTo("Request_BadRequest");
                });
    }

    private User create(String alias) {
        User user = new User();
        user.setAccountEnabled(true);
        user.setDisplayName("SDK " + alias);
        user.setMailNickname(alias);
        user.setUserPrincipalName(alias + "@contoso.com");
        user.setUsageLocation("US");
        PasswordProfile password = new PasswordProfile();
        password.setForceChangePasswordNextSignIn(true);
        password.setPassword("xWwvJ]6NMw+bWH-d");
        user.setPasswordProfile(password);
        return graph.users().post(user);
    }
}
