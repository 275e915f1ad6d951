package org.licenselifecycle.support;

import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.PackageRules;

/** service-support's packages form no cycle (it has no consumers of its own, so no messaging package). */
class PackagesTest {

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        PackageRules.assertNoCycles("org.licenselifecycle.support");
    }
}
