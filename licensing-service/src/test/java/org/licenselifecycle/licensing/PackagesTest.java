package org.licenselifecycle.licensing;

import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.PackageRules;

/** licensing's packages form no cycle, and messaging (the Kafka consumer) depends on the domain, never the reverse. */
class PackagesTest {

    private static final String ROOT = "org.licenselifecycle.licensing";

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        PackageRules.assertNoCycles(ROOT);
    }

    @Test
    void noDomainPackageDependsOnMessaging() {
        PackageRules.assertDomainNeverDependsOnMessaging(ROOT);
    }
}
