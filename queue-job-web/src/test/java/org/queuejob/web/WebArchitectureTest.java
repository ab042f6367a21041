package org.queuejob.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.queuejob.ArchitectureRules;

/**
 * The back office's own rules, beside the library's ({@code ArchitectureTest} in the library's module): it reaches
 * the queue through the application's services only; its pages and its API are given view objects, never the JPA
 * entities (whose lazy state, setters and identity belong to a transaction the page does not have); and its "now" is
 * the queue's clock, so that a test or a server set to another time sees the same "how long ago" as the queue.
 */
class WebArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.queuejob.web");
    }

    @Test
    void theBackOfficeReachesTheQueueThroughTheApplicationsServices_neverItsInfrastructure() {
        noClasses()
                .that()
                .resideInAPackage("org.queuejob.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.queuejob.infrastructure..")
                .check(classes);
    }

    @Test
    void noPublicMethodOfThePagesOrTheApiHandsOutAnEntity() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAPackage("org.queuejob.web..")
                .and()
                .arePublic()
                .should(returnNoEntity())
                .check(classes);
    }

    @Test
    void timeIsReadFromTheQueuesClock_neverFromTheSystemsDirectly() {
        ArchitectureRules.timeFromTheQueuesClock("org.queuejob.web..").check(classes);
    }

    /** Looks inside generic return types too: a {@code List<QueueJob>} hands out entities as much as one does. */
    private static ArchCondition<JavaMethod> returnNoEntity() {
        return new ArchCondition<>("return no JPA entity, nor a type holding one") {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (holdsEntity(method.getReturnType())) {
                    events.add(SimpleConditionEvent.violated(
                            method,
                            method.getFullName() + " returns "
                                    + method.getReturnType().getName()));
                }
            }
        };
    }

    static boolean holdsEntity(JavaType type) {
        if (type.toErasure().isAnnotatedWith(Entity.class)) {
            return true;
        }
        if (type instanceof JavaParameterizedType parameterized) {
            return parameterized.getActualTypeArguments().stream().anyMatch(WebArchitectureTest::holdsEntity);
        }
        if (type instanceof JavaWildcardType wildcard) {
            return wildcard.getUpperBounds().stream().anyMatch(WebArchitectureTest::holdsEntity);
        }
        return type.toErasure().isArray()
                && type.toErasure().getBaseComponentType().isAnnotatedWith(Entity.class);
    }
}
