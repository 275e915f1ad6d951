package org.licenselifecycle.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class UsersQueryTest {

    private static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";

    @Test
    void theWholeListIsUnfiltered() {
        assertThat(UsersQuery.of(Optional.empty(), null, Optional.empty()).filter()).isNull();
    }

    @Test
    void aProductFiltersOnTheUsersAssignedLicensesAsGraphDoes() {
        assertThat(UsersQuery.of(Optional.empty(), null, Optional.of(E3)).filter())
                .isEqualTo("assignedLicenses/any(x:x/skuId eq " + E3 + ")");
    }

    @Test
    void aSearchAndAProductAreJoinedWithAndAndAQuoteInTheTermIsDoubled() {
        assertThat(UsersQuery.of(Optional.of("displayName"), "O'Brien", Optional.of(E3)).filter())
                .isEqualTo("startswith(displayName,'O''Brien') and assignedLicenses/any(x:x/skuId eq " + E3 + ")");
    }

    @Test
    void theUsersToAssignAProductToAreThoseWithoutItFoundByTheStartOfTheirName() {
        assertThat(UsersQuery.lacking(Optional.empty(), E3).filter())
                .isEqualTo("not assignedLicenses/any(x:x/skuId eq " + E3 + ")");
        assertThat(UsersQuery.lacking(Optional.of("O'B"), E3).filter())
                .isEqualTo("startswith(displayName,'O''B') and not assignedLicenses/any(x:x/skuId eq " + E3 + ")");
    }

    @Test
    void theLicensesToReclaimAreThoseOfUsersBlockedFromSigningIn() {
        assertThat(UsersQuery.blockedHolding(E3).filter())
                .isEqualTo("accountEnabled eq false and assignedLicenses/any(x:x/skuId eq " + E3 + ")");
    }

    @Test
    void theListIsSortedByDisplayNameWithTheUsersLicensesAsAnAdvancedQuery() {
        assertThat(UsersQuery.ORDER_BY).isEqualTo("displayName");
        assertThat(UsersQuery.SELECT.split(",")).contains("id", "displayName", "userPrincipalName", "assignedLicenses");
        assertThat(UsersQuery.CONSISTENCY_LEVEL).isEqualTo("eventual");
    }
}
