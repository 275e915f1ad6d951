package org.licenselifecycle.console.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.console.services.LicensingClient.LicenseDetail;
import org.licenselifecycle.console.services.LicensingClient.ServicePlanInfo;
import org.licenselifecycle.console.services.LifecycleClient;

/** The Unassign box puts data-lifecycle-service's answer into words; it decides nothing about the data itself. */
class WhatHappensToDataTest {

    private static final String USER = "aaaaaaaa-0000-4000-8000-000000000003";
    private static final String BUSINESS_PREMIUM = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    private static final Instant ENDS = Instant.parse("2026-12-27T10:00:00Z");
    private static final Map<String, String> NAMES = Map.of(BUSINESS_PREMIUM, "Microsoft 365 Business Premium",
            E3, "Office 365 E3");
    private static final LicenseDetail SPB = new LicenseDetail(BUSINESS_PREMIUM, "SPB",
            List.of(new ServicePlanInfo("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "EXCHANGE_S_STANDARD", "Success")));
    private static final LicenseDetail ENTERPRISEPACK = new LicenseDetail(E3, "ENTERPRISEPACK", List.of());

    private static LifecycleClient.DataOutcome answer(String mailbox, String keptThrough, List<String> holds,
            Instant purgeAfter) {
        return new LifecycleClient.DataOutcome(USER, mailbox, keptThrough, holds, purgeAfter, ENDS, false, true,
                "UNCHANGED");
    }

    private static DataOutcome words(List<LicenseDetail> going, LifecycleClient.DataOutcome answer) {
        return WhatHappensToData.inWords(USER, "Adele Vance", "adele.vance@contoso.onmicrosoft.com",
                List.of(SPB, ENTERPRISEPACK), going, answer, NAMES);
    }

    @Test
    void aDisconnectedMailboxIsPurgedOnTheDayLifecycleSays() {
        DataOutcome outcome = words(List.of(SPB), answer("DISCONNECTED", null, List.of(), ENDS));

        assertThat(outcome.removed()).isEqualTo("Microsoft 365 Business Premium");
        assertThat(outcome.mailbox()).isEqualTo("Mailbox disconnected and no longer searchable by eDiscovery; "
                + "purged on 27 December 2026 unless the license returns.");
        assertThat(outcome.mailboxDisconnects()).isTrue();
        assertThat(outcome.retention()).isEqualTo("Items under retention labels are kept for discovery.");
        assertThat(outcome.oneDrive()).isEqualTo("OneDrive left in place: removing a license never deletes it.");
        assertThat(WhatHappensToData.purgeDate(List.of(outcome))).isEqualTo("27 December 2026");
    }

    @Test
    void aMailboxKeptThroughAnotherLicenseIsNamedByTheProductsName() {
        DataOutcome outcome = words(List.of(SPB), answer("KEPT_THROUGH_ANOTHER_LICENSE", E3, List.of(), null));

        assertThat(outcome.mailbox()).isEqualTo("Keeps Exchange Online through Office 365 E3: the mailbox stays as it is.");
        assertThat(outcome.mailboxDisconnects()).isFalse();
    }

    @Test
    void aHeldMailboxNamesItsHolds() {
        DataOutcome outcome = words(List.of(SPB), answer("HELD", null, List.of("EDISCOVERY_HOLD", "LITIGATION_HOLD"), null));

        assertThat(outcome.mailbox()).isEqualTo("Mailbox under an eDiscovery hold and Litigation Hold: kept and still "
                + "searchable while the hold lasts, not purged.");
        assertThat(outcome.mailboxDisconnects()).isFalse();
    }

    @Test
    void aRemovalWithoutTheMailboxsLicensesOrWithoutAMailboxLeavesItAsItIs() {
        assertThat(words(List.of(ENTERPRISEPACK), answer("NOT_LICENSED_BY_THESE", null, List.of(), null)).mailbox())
                .isEqualTo("No Exchange Online in what is removed: the mailbox stays as it is.");
        assertThat(words(List.of(SPB), answer("NO_MAILBOX", null, List.of(), null)).mailbox())
                .isEqualTo("No Exchange Online mailbox: nothing to disconnect.");
    }

    @Test
    void nothingTheUserHoldsGoesSoNothingIsAskedAndNothingChanges() {
        DataOutcome outcome = words(List.of(), null);

        assertThat(outcome.removed()).isEqualTo("nothing (the user holds none of them)");
        assertThat(outcome.mailbox()).isEqualTo("No Exchange Online in what is removed: the mailbox stays as it is.");
        assertThat(outcome.mailboxDisconnects()).isFalse();
        assertThat(WhatHappensToData.purgeDate(List.of(outcome))).isEqualTo("the end of the grace period");
    }
}
