package org.licenselifecycle.console.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.console.Confirmation;
import org.licenselifecycle.console.services.LicensingClient.Subscription;

/**
 * A subscription's page offers what licensing's facts allow and asks before each change; whether the change is
 * allowed (never below assigned, inside the window) stays licensing's to say.
 */
class SubscriptionChoicesTest {

    private static final Instant WINDOW_ENDS = Instant.parse("2026-12-08T10:00:00Z");
    private static final Instant TERM_ENDS = Instant.parse("2027-12-01T10:00:00Z");

    @Test
    void removingLicensesAsksWithHowManyGoAndPostsTheNumberToKeep() {
        Confirmation box = new SubscriptionChoices(subscription("Enabled", 8, true, WINDOW_ENDS)).removeLicenses(5);

        assertThat(box.question()).isEqualTo("Remove 3 licenses from this subscription of Microsoft 365 Business Premium,"
                + " going from 8 to 5 licenses? You stop paying for them.");
        assertThat(box.action()).isEqualTo("/subscriptions/s1/licenses/confirmed");
        assertThat(box.fields()).containsEntry("licenses", "5");
        assertThat(box.back()).isEqualTo("/subscriptions/s1");
    }

    @Test
    void turningRecurringBillingOffSaysTheSubscriptionEndsAtTheEndOfItsTerm() {
        SubscriptionChoices choices = new SubscriptionChoices(subscription("Enabled", 8, true, WINDOW_ENDS));

        Confirmation box = choices.recurringBilling(false);

        assertThat(box.confirmLabel()).isEqualTo("Turn off recurring billing");
        assertThat(box.question()).contains("ends at the end of its term (1 December 2027)");
        assertThat(box.fields()).containsEntry("on", "false");
        assertThat(new SubscriptionChoices(subscription("Enabled", 8, false, WINDOW_ENDS)).changed("recurring-billing"))
                .isEqualTo("Recurring billing is off: the subscription ends at the end of its term (1 December 2027).");
    }

    @Test
    void cancelIsOfferedWhileLicensingNamesACancellationWindowAndNeverOnceCancelled() {
        assertThat(new SubscriptionChoices(subscription("Enabled", 8, true, WINDOW_ENDS)).cancelOffered()).isTrue();
        assertThat(new SubscriptionChoices(subscription("Enabled", 8, true, WINDOW_ENDS)).cancellationWindowEnds())
                .isEqualTo("8 December 2026");
        assertThat(new SubscriptionChoices(subscription("Enabled", 5, false, null)).cancelOffered())
                .as("perpetual software: no window").isFalse();
        SubscriptionChoices cancelled = new SubscriptionChoices(subscription("Deleted", 8, true, WINDOW_ENDS));
        assertThat(cancelled.cancelOffered()).isFalse();
        assertThat(cancelled.cancelled()).isTrue();
    }

    @Test
    void theNumberToKeepIsReadAsAWholeNumberAndAnythingElseIsNone() {
        assertThat(SubscriptionChoices.licensesTyped(" 4 ")).isEqualTo(4);
        assertThat(SubscriptionChoices.licensesTyped("-1")).as("licensing judges every whole number").isEqualTo(-1);
        assertThat(SubscriptionChoices.licensesTyped("four")).isNull();
        assertThat(SubscriptionChoices.licensesTyped("4.5")).isNull();
        assertThat(SubscriptionChoices.licensesTyped(null)).isNull();
    }

    @Test
    void afterAChangeThePageSaysWhatTheSubscriptionNowIs() {
        SubscriptionChoices choices = new SubscriptionChoices(subscription("Enabled", 4, true, WINDOW_ENDS));

        assertThat(choices.changed("licenses")).isEqualTo("Licenses removed: this subscription now has 4 licenses.");
        assertThat(choices.changed("cancelled")).isEqualTo("Subscription cancelled.");
        assertThat(choices.changed("anything else")).isNull();
        assertThat(choices.changed(null)).isNull();
    }

    private static Subscription subscription(String status, int licenses, boolean recurringBilling, Instant windowEnds) {
        return new Subscription("s1", "sku", "SPB", "Microsoft 365 Business Premium", licenses, status, Instant.EPOCH,
                windowEnds == null ? null : TERM_ENDS, false, "ADMIN", null, null, "SUBSCRIPTION", true, false, true,
                recurringBilling, windowEnds, "Active", null, null, null);
    }
}
