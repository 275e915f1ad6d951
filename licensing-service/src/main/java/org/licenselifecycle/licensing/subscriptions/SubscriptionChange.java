package org.licenselifecycle.licensing.subscriptions;

/**
 * Changes an admin makes to a subscription: fewer licenses ("remove licenses from your subscription so
 * that you're not paying for more than you need") and recurring billing on or off. Absent means unchanged.
 */
public record SubscriptionChange(Integer licenses, Boolean recurringBilling) {
}
