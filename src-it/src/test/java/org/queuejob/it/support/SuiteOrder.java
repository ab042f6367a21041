package org.queuejob.it.support;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The order of the integration test classes (set in {@code junit-platform.properties}); the classes within a group
 * keep the order the build found them in.
 *
 * <ol>
 *   <li>The two-server classes, RecurringClusterIT before ClusterIT. RecurringClusterIT needs both extra servers up
 *       and leaves them so; ClusterIT ends by killing one and then stops both. The other way round, the killed server
 *       had to be started again for RecurringClusterIT (about a minute per run on each kind of server), and both
 *       stayed up, idle, for the rest of the suite.
 *   <li>The classes with deployments of their own (Arquillian's).
 *   <li>The classes that use the demo EAR, which stays deployed from the first of them to the end of the run
 *       ({@link DeployedDemoEar}): no other deployment's queue runs beside it.
 *   <li>Last, those of them with settings of their own ({@link ServerSettings}), which deploy the EAR again with
 *       them and undeploy it after: placed among the others, each cost the class after it one more deployment
 *       (10 to 25 s here, on each kind of server).
 * </ol>
 */
public class SuiteOrder implements ClassOrderer {

    static final List<String> FIRST = List.of("org.queuejob.it.RecurringClusterIT", "org.queuejob.it.ClusterIT");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable.
        context.getClassDescriptors().sort(Comparator.comparingInt(SuiteOrder::group));
    }

    private static int group(ClassDescriptor test) {
        Class<?> type = test.getTestClass();
        int first = FIRST.indexOf(type.getName());
        if (first >= 0) {
            return first;
        }
        if (!usesTheDemoEar(type)) {
            return FIRST.size();
        }
        return FIRST.size() + (hasServerSettings(type) ? 2 : 1);
    }

    /** A field of type {@link ServerSettings} (registered as an extension) on it or a superclass. */
    static boolean hasServerSettings(Class<?> type) {
        for (Class<?> level = type; level != null; level = level.getSuperclass()) {
            if (Arrays.stream(level.getDeclaredFields())
                    .map(Field::getType)
                    .anyMatch(ServerSettings.class::isAssignableFrom)) {
                return true;
            }
        }
        return false;
    }

    /** {@code @ExtendWith(DeployedDemoEar.class)} on it or a superclass, or a field of that type registered. */
    static boolean usesTheDemoEar(Class<?> type) {
        boolean extended = AnnotationSupport.findRepeatableAnnotations(type, ExtendWith.class).stream()
                .flatMap(extension -> Arrays.stream(extension.value()))
                .anyMatch(DeployedDemoEar.class::isAssignableFrom);
        for (Class<?> level = type; !extended && level != null; level = level.getSuperclass()) {
            extended = Arrays.stream(level.getDeclaredFields())
                    .map(Field::getType)
                    .anyMatch(DeployedDemoEar.class::isAssignableFrom);
        }
        return extended;
    }
}
