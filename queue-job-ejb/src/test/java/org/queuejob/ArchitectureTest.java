package org.queuejob;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The library's layering, as the README states it: the application uses the domain and the infrastructure; the
 * infrastructure implements what the domain declares and never calls the application; the domain depends on neither;
 * no two packages depend on each other; and the application reaches data through the domain's repositories, never
 * through an {@code EntityManager} of its own; and time is read from the queue's clock. (The back office, another module, is not on this test's class path.)
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.queuejob");
    }

    @Test
    void layersPointOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("api")
                .definedBy("org.queuejob.api..")
                .layer("application")
                .definedBy("org.queuejob.application..")
                .layer("domain")
                .definedBy("org.queuejob.domain..")
                .layer("infrastructure")
                .definedBy("org.queuejob.infrastructure..")
                .whereLayer("application")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("infrastructure")
                .mayOnlyBeAccessedByLayers("application")
                .whereLayer("domain")
                .mayOnlyBeAccessedByLayers("application", "infrastructure")
                .check(classes);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.queuejob.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void timeIsReadFromTheQueuesClock_neverFromTheSystemsDirectly() {
        ArchitectureRules.timeFromTheQueuesClock("org.queuejob..").check(classes);
    }

    @Test
    void applicationReachesDataThroughRepositories() {
        noClasses()
                .that()
                .resideInAPackage("org.queuejob.application..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("jakarta.persistence.criteria..")
                .because("services reach data through the ports the domain declares, which the infrastructure"
                        + " implements")
                .check(classes);
    }
}
