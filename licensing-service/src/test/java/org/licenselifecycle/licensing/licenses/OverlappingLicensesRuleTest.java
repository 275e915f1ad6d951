package org.licenselifecycle.licensing.licenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The merge rule alone: a plan stays off only when every source turns it off. */
class OverlappingLicensesRuleTest {

    private static final UUID EXCHANGE = UUID.randomUUID();
    private static final UUID TEAMS = UUID.randomUUID();
    private static final UUID SHAREPOINT = UUID.randomUUID();

    @Test
    void oneSourceKeepsItsPlansInItsOrder() {
        assertThat(OverlappingLicenses.disabledPlans(List.of(List.of(TEAMS, EXCHANGE)))).containsExactly(TEAMS, EXCHANGE);
    }

    @Test
    void severalSourcesTurnOffOnlyWhatEveryOneTurnsOff() {
        assertThat(OverlappingLicenses.disabledPlans(List.of(List.of(EXCHANGE, TEAMS), List.of(SHAREPOINT, TEAMS))))
                .containsExactly(TEAMS);
        assertThat(OverlappingLicenses.disabledPlans(List.of(List.of(EXCHANGE), List.of(), List.of(EXCHANGE))))
                .isEmpty();
    }

    @Test
    void aLicenseWithoutSourceIsNoLicense() {
        assertThatThrownBy(() -> OverlappingLicenses.disabledPlans(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
