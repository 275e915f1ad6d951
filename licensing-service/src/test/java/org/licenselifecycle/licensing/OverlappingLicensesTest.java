package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_STANDARD;
import static org.licenselifecycle.licensing.Catalog.SHAREPOINTSTANDARD;
import static org.licenselifecycle.licensing.Catalog.TEAMS1;
import static org.licenselifecycle.licensing.TestTenant.add;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;
import org.licenselifecycle.testsupport.Rig;

/**
 * Entra ID's "Multiple licenses for the same product can overlap, and they result in all enabled services being applied
 * to the user": one product from several sources (groups, a direct assignment) is one license and one seat whose
 * disabled plans are those every source disables, merged again whenever a source joins, leaves or changes its plans;
 * each source's state keeps its own plans.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class OverlappingLicensesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void twoGroupsWithDifferentDisabledPlansGiveTheUnionOfTheirEnabledPlansOnOneSeat() {
        TestTenant tenant = TestTenant.buying(3, BUSINESS_PREMIUM);
        UUID ada = tenant.newUser();
        UUID sales = Groups.givingWithout(tenant, "Sales", BUSINESS_PREMIUM, ada, EXCHANGE_S_STANDARD, TEAMS1);

        UUID europe = Groups.givingWithout(tenant, "Europe", BUSINESS_PREMIUM, ada, SHAREPOINTSTANDARD, TEAMS1);

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);
        assertThat(heldDisabledPlans(ada)).containsExactly(TEAMS1);
        LicenseAssigned widened = last(assigned(ada));
        assertThat(widened.disabledPlans()).containsExactly(TEAMS1);
        assertThat(widened.exchangeOnline()).isTrue();
        assertThat(widened.exchangeOnlineRetained()).isTrue();
        // each group's state says its own plans, as Graph's licenseAssignmentStates do
        assertThat(lastStates(ada)).extracting(LicenseAssignmentState::assignedByGroup, s -> plans(s.disabledPlans()))
                .containsExactlyInAnyOrder(
                        tuple(sales, plans(List.of(EXCHANGE_S_STANDARD, TEAMS1))),
                        tuple(europe, plans(List.of(SHAREPOINTSTANDARD, TEAMS1))));
    }

    @Test
    void leavingOneGroupNarrowsThePlansAgainAndTurningExchangeOffIsAnnouncedAsADirectChangeIs() {
        TestTenant tenant = TestTenant.buying(3, BUSINESS_PREMIUM);
        UUID ada = tenant.newUser();
        UUID sales = Groups.givingWithout(tenant, "Sales", BUSINESS_PREMIUM, ada, EXCHANGE_S_STANDARD);
        UUID europe = Groups.giving(tenant, "Europe", BUSINESS_PREMIUM, ada);
        assertThat(heldDisabledPlans(ada)).isEmpty();

        Groups.leave(tenant, europe, "Europe", ada);

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);
        assertThat(heldDisabledPlans(ada)).containsExactly(EXCHANGE_S_STANDARD);
        LicenseAssigned narrowed = last(assigned(ada));
        assertThat(narrowed.disabledPlans()).containsExactly(EXCHANGE_S_STANDARD);
        assertThat(narrowed.assignedByGroup()).isEqualTo(sales);

        // the same change made directly on another user: data-lifecycle reads the same event
        UUID grace = tenant.newUser();
        tenant.assign(grace, BUSINESS_PREMIUM);
        tenant.assignLicense(grace, add(BUSINESS_PREMIUM, EXCHANGE_S_STANDARD)).then().statusCode(200);
        LicenseAssigned direct = last(assigned(grace));
        assertThat(List.of(narrowed.exchangeOnline(), narrowed.exchangeOnlineRetained(), narrowed.exchangeEnterprise()))
                .containsExactly(direct.exchangeOnline(), direct.exchangeOnlineRetained(), direct.exchangeEnterprise())
                .containsExactly(false, false, false);
        assertThat(narrowed.servicePlans()).isEqualTo(direct.servicePlans());
    }

    @Test
    void aDirectAssignmentAndAGroupMergeTheirPlansAndEachSourceKeepsItsOwn() {
        TestTenant tenant = TestTenant.buying(3, BUSINESS_PREMIUM);
        UUID ada = tenant.newUser();
        tenant.assignLicense(ada, add(BUSINESS_PREMIUM, EXCHANGE_S_STANDARD, TEAMS1)).then().statusCode(200);

        UUID sales = Groups.givingWithout(tenant, "Sales", BUSINESS_PREMIUM, ada, TEAMS1, SHAREPOINTSTANDARD);

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);
        assertThat(heldDisabledPlans(ada)).containsExactly(TEAMS1);
        assertThat(last(assigned(ada)).exchangeOnline()).isTrue();
        assertThat(lastStates(ada)).extracting(LicenseAssignmentState::assignedByGroup, s -> plans(s.disabledPlans()))
                .containsExactlyInAnyOrder(
                        tuple(null, plans(List.of(EXCHANGE_S_STANDARD, TEAMS1))),
                        tuple(sales, plans(List.of(TEAMS1, SHAREPOINTSTANDARD))));

        // the direct assignment changes its plans: merged with the group's again
        tenant.assignLicense(ada, add(BUSINESS_PREMIUM, EXCHANGE_S_STANDARD, SHAREPOINTSTANDARD)).then().statusCode(200);
        assertThat(heldDisabledPlans(ada)).containsExactly(SHAREPOINTSTANDARD);

        // the group changes its plans: both sources turn Exchange off now, which takes the mailbox's license away
        Groups.assignLicense(tenant, sales, add(BUSINESS_PREMIUM, EXCHANGE_S_STANDARD)).then().statusCode(202);
        assertThat(heldDisabledPlans(ada)).containsExactly(EXCHANGE_S_STANDARD);
        LicenseAssigned exchangeOff = last(assigned(ada));
        assertThat(exchangeOff.disabledPlans()).containsExactly(EXCHANGE_S_STANDARD);
        assertThat(exchangeOff.exchangeOnlineRetained()).isFalse();

        // the direct assignment goes: the group's plans alone
        tenant.assignLicense(ada, TestTenant.remove(BUSINESS_PREMIUM)).then().statusCode(200);
        assertThat(heldDisabledPlans(ada)).containsExactly(EXCHANGE_S_STANDARD);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);
        // and comes back turning nothing off: every plan is on again
        tenant.assign(ada, BUSINESS_PREMIUM);
        assertThat(heldDisabledPlans(ada)).isEmpty();
        LicenseAssigned exchangeOn = last(assigned(ada));
        assertThat(exchangeOn.exchangeOnline()).isTrue();
        assertThat(exchangeOn.exchangeOnlineRetained()).isTrue();
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);
    }

    @Test
    void theGroupLeavingADirectLicenseGivesTheDirectAssignmentsPlansBack() {
        TestTenant tenant = TestTenant.buying(2, BUSINESS_PREMIUM);
        UUID ada = tenant.newUser();
        tenant.assignLicense(ada, add(BUSINESS_PREMIUM, EXCHANGE_S_STANDARD)).then().statusCode(200);
        UUID sales = Groups.giving(tenant, "Sales", BUSINESS_PREMIUM, ada);
        assertThat(heldDisabledPlans(ada)).isEmpty();

        Groups.leave(tenant, sales, "Sales", ada);

        assertThat(heldDisabledPlans(ada)).containsExactly(EXCHANGE_S_STANDARD);
        LicenseAssigned back = last(assigned(ada));
        assertThat(back.disabledPlans()).containsExactly(EXCHANGE_S_STANDARD);
        assertThat(back.exchangeOnlineRetained()).isFalse();
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 1, 1);
    }

    private List<UUID> heldDisabledPlans(UUID user) {
        return Db.uuids(dataSource, "SELECT unnest(disabled_plans) FROM license_assignment WHERE user_id = ? AND sku_id = ?",
                user, BUSINESS_PREMIUM);
    }

    private List<LicenseAssigned> assigned(UUID user) {
        return OutboxEvents.assigned(dataSource, user);
    }

    private List<LicenseAssignmentState> lastStates(UUID user) {
        return OutboxEvents.lastStates(dataSource, user);
    }

    private static <T> T last(List<T> all) {
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private static Set<UUID> plans(List<UUID> plans) {
        return Set.copyOf(plans);
    }
}
