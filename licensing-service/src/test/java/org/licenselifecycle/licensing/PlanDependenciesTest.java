package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.MICROSOFT_365_E3;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.WORKPLACE_ANALYTICS;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.licensing.products.PlanDependencies;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.testsupport.Rig;

/**
 * Which products can leave an add-on's plan without its prerequisite: only those with a plan that needs one. A change
 * of a user's licenses that leaves none of them (most users: Business Premium, E3) skips the add-on check.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class PlanDependenciesTest {

    @Inject
    PlanDependencies dependencies;

    @Inject
    ProductCatalog catalog;

    @Test
    void onlyAProductWithAPlanNeedingAPrerequisiteNeedsTheAddOnCheck() {
        assertThat(dependencies.needsAnyPrerequisite(catalog.find(WORKPLACE_ANALYTICS).orElseThrow())).isTrue();
        assertThat(dependencies.needsAnyPrerequisite(catalog.find(BUSINESS_PREMIUM).orElseThrow())).isFalse();
        assertThat(dependencies.needsAnyPrerequisite(catalog.find(OFFICE_365_E3).orElseThrow())).isFalse();
        assertThat(dependencies.needsAnyPrerequisite(catalog.find(MICROSOFT_365_E3).orElseThrow())).isFalse();
    }
}
