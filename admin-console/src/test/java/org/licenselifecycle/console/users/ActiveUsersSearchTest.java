package org.licenselifecycle.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.console.ConsoleConfig;
import org.licenselifecycle.console.services.DirectoryClient;
import org.licenselifecycle.console.services.DirectoryClient.AssignedLicense;
import org.licenselifecycle.console.services.DirectoryClient.User;
import org.licenselifecycle.contract.graph.ODataCollection;

class ActiveUsersSearchTest {

    private static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";

    /** What the console sent to directory's GET /users, one line per call. */
    private final List<String> sent = new ArrayList<>();
    private final List<User> answer = new ArrayList<>();
    private String nextLink;

    private final ActiveUsersSearch search = new ActiveUsersSearch(new DirectoryClient() {
        @Override
        public ODataCollection<User> users(String bearer, String consistencyLevel, int top, String filter, String orderBy,
                String select, Boolean count, String skipToken) {
            sent.add("ConsistencyLevel=" + consistencyLevel + " $top=" + top + " $filter=" + filter + " $orderby="
                    + orderBy + " $select=" + select + " $count=" + count + " $skiptoken=" + skipToken);
            return new ODataCollection<>(null, nextLink, answer);
        }

        @Override
        public User user(String bearer, String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RoleAssignments roleAssignments(String bearer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Tenant currentTenant(String bearer) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OffboardingOutcome offboard(String bearer, String id, Offboarding choices) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ODataCollection<DirectoryAudit> directoryAudits(String bearer, int top, String filter, String skipToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ODataCollection<Group> groups(String bearer, int top, String skipToken) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Group group(String bearer, String id, String select) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ODataCollection<User> groupMembers(String bearer, String id, int top, String skipToken) {
            throw new UnsupportedOperationException();
        }
    }, pageSize(50));

    @Test
    void theListAsksDirectoryForOnePageSortedByDisplayNameWithLicensesAndNamesTheProducts() {
        answer.add(new User("u1", "Adele Vance", "adele@contoso.com", "US", true, List.of(new AssignedLicense(E3))));
        answer.add(new User("u2", "alex Wilber", "alex@contoso.com", "US", true, List.of()));
        nextLink = "https://graph/v1.0/users?$top=50&$skiptoken=abc";

        ActiveUsersSearch.Page page = search.page("Bearer t", null, Optional.empty(), null, Map.of(E3, "Office 365 E3"));

        assertThat(sent).containsExactly("ConsistencyLevel=eventual $top=50 $filter=null $orderby=displayName"
                + " $select=" + UsersQuery.SELECT + " $count=true $skiptoken=null");
        assertThat(page.users()).containsExactly(
                new ActiveUsersSearch.Row("u1", "Adele Vance", "adele@contoso.com", "Office 365 E3"),
                new ActiveUsersSearch.Row("u2", "alex Wilber", "alex@contoso.com", "Unlicensed"));
        assertThat(page.next()).isEqualTo("abc");
    }

    @Test
    void aProductFilterGoesToDirectoryAndTheNextPageKeepsIt() {
        search.page("Bearer t", "", Optional.of(E3), "abc", Map.of());

        assertThat(sent).singleElement().asString()
                .contains("$filter=assignedLicenses/any(x:x/skuId eq " + E3 + ")", "$skiptoken=abc");
    }

    @Test
    void aSearchWithAProductAsksForBothListsEachFilteredByTheProduct() {
        search.page("Bearer t", "Ad", Optional.of(E3), null, Map.of());

        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).contains("$filter=startswith(displayName,'Ad') and assignedLicenses/any(x:x/skuId eq "
                + E3 + ")", "$orderby=displayName");
        assertThat(sent.get(1)).contains("$filter=startswith(userPrincipalName,'Ad') and assignedLicenses/any(x:x/skuId eq "
                + E3 + ")", "$orderby=displayName");
    }

    private static ConsoleConfig pageSize(int size) {
        return new ConsoleConfig() {
            @Override
            public String directoryUrl() {
                return null;
            }

            @Override
            public String licensingUrl() {
                return null;
            }

            @Override
            public String lifecycleUrl() {
                return null;
            }

            @Override
            public int pageSize() {
                return size;
            }

            @Override
            public boolean secureCookies() {
                return false;
            }

            @Override
            public Session session() {
                return null;
            }

            @Override
            public DemoSignIn demoSignIn() {
                return null;
            }
        };
    }
}
