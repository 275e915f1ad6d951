package org.licenselifecycle.directory.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.ReferenceCreate;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.directory.GraphClients;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Microsoft's own Graph Java SDK, unchanged, on groups: create a security group, add and remove members by reference,
 * list members and a user's memberOf, read Graph's refusal of a member added twice, delete the group.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class GroupsSdkTest {

    private GraphServiceClient graph;

    @BeforeEach
    void clientOfAGlobalAdministrator() {
        graph = GraphClients.withToken(DevTokens.token(UUID.randomUUID(), DirectoryRole.GLOBAL_ADMINISTRATOR));
    }

    @Test
    void theSdkCreatesAGroupAddsAndRemovesMembersListsThemAndTheirGroupsAndDeletesIt() {
        User adele = createUser("sdkadele");
        User alex = createUser("sdkalex");
        Group request = new Group();
        request.setDisplayName("SDK Sales");
        request.setMailNickname("sdksales");
        request.setMailEnabled(false);
        request.setSecurityEnabled(true);
        request.setDescription("Created by the SDK");
        Group group = graph.groups().post(request);
        assertThat(group.getId()).isNotBlank();
        assertThat(group.getSecurityEnabled()).isTrue();
        assertThat(group.getMailEnabled()).isFalse();
        assertThat(group.getGroupTypes()).isEmpty();

        addMember(group, adele);
        addMember(group, alex);

        List<DirectoryObject> members = graph.groups().byGroupId(group.getId()).members().get().getValue();
        assertThat(members).hasSize(2).allSatisfy(member -> assertThat(member).isInstanceOf(User.class));
        assertThat(members).extracting(member -> ((User) member).getUserPrincipalName())
                .containsExactlyInAnyOrder("sdkadele@contoso.com", "sdkalex@contoso.com");
        List<DirectoryObject> memberOf = graph.users().byUserId(adele.getId()).memberOf().get().getValue();
        assertThat(memberOf).singleElement().isInstanceOfSatisfying(Group.class, g -> {
            assertThat(g.getId()).isEqualTo(group.getId());
            assertThat(g.getDisplayName()).isEqualTo("SDK Sales");
        });
        assertThatThrownBy(() -> addMember(group, adele)).isInstanceOfSatisfying(ODataError.class, error -> {
            assertThat(error.getResponseStatusCode()).isEqualTo(400);
            assertThat(error.getError().getMessage()).isEqualTo("One or more added object references already exist for"
                    + " the following modified properties: 'members'.");
        });

        graph.groups().byGroupId(group.getId()).members().byDirectoryObjectId(adele.getId()).ref().delete();

        assertThat(graph.groups().byGroupId(group.getId()).members().get().getValue())
                .extracting(DirectoryObject::getId).containsExactly(alex.getId());
        assertThat(graph.users().byUserId(adele.getId()).memberOf().get().getValue()).isEmpty();

        Group changes = new Group();
        changes.setDisplayName("SDK Sales EMEA");
        graph.groups().byGroupId(group.getId()).patch(changes);
        assertThat(graph.groups().get(r -> r.queryParameters.filter = "startswith(displayName,'SDK')").getValue())
                .extracting(Group::getDisplayName).containsExactly("SDK Sales EMEA");

        graph.groups().byGroupId(group.getId()).delete();

        assertThat(graph.groups().get().getValue()).isEmpty();
        assertThat(graph.users().byUserId(alex.getId()).memberOf().get().getValue()).isEmpty();
        assertThatThrownBy(() -> graph.groups().byGroupId(group.getId()).get())
                .isInstanceOfSatisfying(ODataError.class, error -> assertThat(error.getResponseStatusCode()).isEqualTo(404));
    }

    private void addMember(Group group, User user) {
        ReferenceCreate reference = new ReferenceCreate();
        reference.setOdataId("https://graph.microsoft.com/v1.0/directoryObjects/" + user.getId());
        graph.groups().byGroupId(group.getId()).members().ref().post(reference);
    }

    private User createUser(String alias) {
        User user = new User();
        user.setAccountEnabled(true);
        user.setDisplayName("SDK " + alias);
        user.setMailNickname(alias);
        user.setUserPrincipalName(alias + "@contoso.com");
        PasswordProfile password = new PasswordProfile();
        password.setPassword("xWwvJ]6NMw+bWH-d");
        password.setForceChangePasswordNextSignIn(true);
        user.setPasswordProfile(password);
        return graph.users().post(user);
    }
}
