package org.queuejob.it.support;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order of the integration test classes (set in {@code junit-platform.properties}): the two-server classes
 * first, RecurringClusterIT before ClusterIT, then the rest in the order the build found them. RecurringClusterIT
 * needs both extra servers up and leaves them so; ClusterIT ends by killing one and then stops both. The other way
 * round, the killed server had to be started again for RecurringClusterIT (about a minute per run on each kind of
 * server), and both stayed up, idle, for the rest of the suite.
 */
public class SuiteOrder implements ClassOrderer {

    static final List<String> FIRST = List.of("org.queuejob.it.RecurringClusterIT", "org.queuejob.it.ClusterIT");

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // List.sort is stable: the classes not named keep their order, after the named ones.
        context.getClassDescriptors().sort(Comparator.comparingInt(SuiteOrder::rank));
    }

    private static int rank(ClassDescriptor test) {
        int index = FIRST.indexOf(test.getTestClass().getName());
        return index < 0 ? FIRST.size() : index;
    }
}
