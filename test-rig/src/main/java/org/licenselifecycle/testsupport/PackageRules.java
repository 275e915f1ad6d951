package org.licenselifecycle.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house rule on packages (STYLE.md), stated once with ArchUnit and checked by each module's {@code PackagesTest}
 * on its compiled main classes: no package depends on itself through others, and the Kafka consumers in
 * {@code messaging} depend on the domain, never the reverse.
 */
public final class PackageRules {

    private PackageRules() {
    }

    /** Fails, naming each cycle, if a package under {@code root} depends on itself through another. */
    public static void assertNoCycles(String root) {
        slices().matching(root + ".(*)..").should().beFreeOfCycles().check(mainClasses(root));
    }

    /** Fails, naming each dependency, if a class outside {@code root.messaging} uses one inside it. */
    public static void assertDomainNeverDependsOnMessaging(String root) {
        String messaging = root + ".messaging..";
        noClasses().that().resideOutsideOfPackage(messaging)
                .should().dependOnClassesThat().resideInAPackage(messaging)
                .allowEmptyShould(true)
                .check(mainClasses(root));
    }

    private static JavaClasses mainClasses(String root) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(root);
    }
}
