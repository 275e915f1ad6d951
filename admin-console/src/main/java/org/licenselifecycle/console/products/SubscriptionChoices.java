package org.licenselifecycle.console.products;

import java.util.Map;
import org.licenselifecycle.console.Confirmation;
import org.licenselifecycle.console.TemplateExtensions;
import org.licenselifecycle.console.services.LicensingClient.Subscription;

/**
 * What a subscription's page offers (remove licenses, recurring billing, cancel) and how each change is asked
 * and confirmed, from licensing's facts about the subscription. Whether a change is allowed is licensing's to say
 * (never below what is assigned; cancel inside the window): the console offers, licensing decides, and the page shows
 * its refusal.
 */
public record SubscriptionChoices(Subscription subscription) {

    /** licensing's status of a cancelled subscription: nothing more can be changed on it. */
    static final String CANCELLED = "Deleted";

    public boolean cancelled() {
        return CANCELLED.equals(subscription.status());
    }

    /** Cancel is offered while licensing names a cancellation window; outside it licensing refuses and says why. */
    public boolean cancelOffered() {
        return !cancelled() && subscription.cancellationWindowEndsDateTime() != null;
    }

    public String cancellationWindowEnds() {
        return subscription.cancellationWindowEndsDateTime() == null ? null
                : TemplateExtensions.day(subscription.cancellationWindowEndsDateTime());
    }

    public String nextLifecycle() {
        return subscription.nextLifecycleDateTime() == null ? null
                : TemplateExtensions.day(subscription.nextLifecycleDateTime());
    }

    /** "Remove licenses": keep {@code licenses} of the subscription's. */
    Confirmation removeLicenses(int licenses) {
        int removed = subscription.licenses() - licenses;
        return new Confirmation("Remove licenses",
                "Remove " + removed + (removed == 1 ? " license" : " licenses") + " from this subscription of "
                        + subscription.productName() + ", going from " + subscription.licenses() + " to " + licenses
                        + " licenses? You stop paying for them.",
                path() + "/licenses/confirmed", "Remove licenses", path(), Map.of("licenses", Integer.toString(licenses)));
    }

    /** Recurring billing on or off. */
    Confirmation recurringBilling(boolean on) {
        String question = on
                ? "Turn on recurring billing for " + subscription.productName() + "? The subscription renews at the end"
                        + " of its term" + (nextLifecycle() == null ? "." : " (" + nextLifecycle() + ").")
                : "Turn off recurring billing for " + subscription.productName() + "? The subscription then ends at the"
                        + " end of its term" + (nextLifecycle() == null ? "" : " (" + nextLifecycle() + ")")
                        + " instead of renewing.";
        String label = on ? "Turn on recurring billing" : "Turn off recurring billing";
        return new Confirmation(label, question, path() + "/recurring-billing/confirmed", label, path(),
                Map.of("on", Boolean.toString(on)));
    }

    Confirmation cancel() {
        return new Confirmation("Cancel subscription", "Cancel this subscription of " + subscription.productName()
                + " (" + subscription.licenses() + " licenses) now? This can't be undone.",
                path() + "/cancel/confirmed", "Cancel subscription", path(), Map.of());
    }

    /** What the page says after a change licensing made, read from the subscription as it now is. */
    String changed(String what) {
        return switch (what == null ? "" : what) {
            case "licenses" -> "Licenses removed: this subscription now has " + subscription.licenses() + " licenses.";
            case "recurring-billing" -> subscription.recurringBilling()
                    ? "Recurring billing is on: the subscription renews at the end of its term."
                    : "Recurring billing is off: the subscription ends at the end of its term"
                            + (nextLifecycle() == null ? "." : " (" + nextLifecycle() + ").");
            case "cancelled" -> "Subscription cancelled.";
            default -> null;
        };
    }

    /**
     * The number of licenses to keep as the admin typed it, or null when it is not a whole number (licensing judges
     * every whole number: fewer than 1, more than now, below assigned).
     */
    static Integer licensesTyped(String typed) {
        if (typed == null) {
            return null;
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    String path() {
        return "/subscriptions/" + subscription.id();
    }
}
