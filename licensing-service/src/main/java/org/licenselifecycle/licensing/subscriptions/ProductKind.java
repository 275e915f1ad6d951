package org.licenselifecycle.licensing.subscriptions;

/** A subscription renews with a term; perpetual software is bought once and never renews. */
public enum ProductKind {
    SUBSCRIPTION,
    PERPETUAL_SOFTWARE
}
