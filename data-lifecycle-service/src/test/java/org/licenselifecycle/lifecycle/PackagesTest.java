package org.licenselifecycle.lifecycle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages of data-lifecycle-service form no cycle, and messaging (the Kafka consumers) depends on the domain,
 * never the reverse: the house rule of STYLE.md, checked on the compiled main classes.
 */
class PackagesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.licenselifecycle.lifecycle");

    @Test
    void noPackageDependsOnItselfThroughAnother() {
        slices().matching("org.licenselifecycle.lifecycle.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void noDomainPackageDependsOnMessaging() {
        noClasses().that().resideOutsideOfPackage("org.licenselifecycle.lifecycle.messaging..")
                .should().dependOnClassesThat().resideInAPackage("org.licenselifecycle.lifecycle.messaging..")
                .check(MAIN);
    }
}
