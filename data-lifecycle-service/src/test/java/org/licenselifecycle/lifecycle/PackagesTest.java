package org.licenselifecycle.lifecycle;

import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.PackageRules;

/** data-lifecycle's packages form no cycle, and messaging (the Kafka consumers) depends on the domain, never the reverse. */
class PackagesTest {

    private static final String ROOT = "org.licenselifecycle.lifecycle";

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        PackageRules.assertNoCycles(ROOT);
    }

    @Test
    void noDomainPackageDependsOnMessaging() {
        PackageRules.assertDomainNeverDependsOnMessaging(ROOT);
    }
}
