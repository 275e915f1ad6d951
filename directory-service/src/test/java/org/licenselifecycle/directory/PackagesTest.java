package org.licenselifecycle.directory;

import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.PackageRules;

/**
 * directory's packages form no cycle, and messaging (the Kafka consumer of license events) depends on the domain,
 * never the reverse.
 */
class PackagesTest {

    private static final String ROOT = "org.licenselifecycle.directory";

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        PackageRules.assertNoCycles(ROOT);
    }

    @Test
    void noDomainPackageDependsOnMessaging() {
        PackageRules.assertDomainNeverDependsOnMessaging(ROOT);
    }
}
