package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.ReferenceUpdate;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.support.security.DirectoryRole;
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
        graph = client(DevTokens.token(tenant, DirectoryRole.USER_ADMINISTRATOR));
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

    private static GraphServiceClient client(String token) {
        AccessTokenProvider staticToken = new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
                return token;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator("localhost");
            }
        };
        GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(staticToken));
        client.getRequestAdapter().setBaseUrl("http://localhost:" + RestAssured.port + "/v1.0");
        return client;
    }
}
