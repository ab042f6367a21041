package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.queuejob.application.CancelInterrupt;
import org.queuejob.web.security.ManagerOnly;

class JobActionsBackingTest {

    @Test
    void aRunningJobCancelledOrSetDone_isSaidToBeInterruptedOrToRunOn_namingTheSetting() {
        assertThat(JobActionsBacking.whatBecomesOfItsRun(new CancelInterrupt(true, "queue-job.cancel-interrupt")))
                .isEqualTo(" If its method is running, its server interrupts it within two seconds"
                        + " (queue-job.cancel-interrupt is true); its work is rolled back.");
        assertThat(JobActionsBacking.whatBecomesOfItsRun(
                        new CancelInterrupt(false, "queue-job.cancel-interrupt.Mail.send")))
                .isEqualTo(" If its method is running, it runs on until it returns"
                        + " (queue-job.cancel-interrupt.Mail.send is false), keeping its channel's slot; its work is"
                        + " then rolled back.");
    }

    /**
     * The server's refusal of viewers ({@link ManagerOnly}'s interceptor) guards each action of the job page that
     * changes the job, in whichever bean it is; only "Related", which changes nothing, is for everyone. The interceptor
     * reaches a method only through a subclass of the bean: neither may be final.
     */
    @Test
    void everyActionOfTheJobPageThatChangesTheJob_isRefusedToViewersByTheServer() {
        List<Method> actions = Stream.of(JobActionsBacking.class, JobEditBacking.class)
                .flatMap(bean -> Arrays.stream(bean.getDeclaredMethods()))
                .filter(method -> Modifier.isPublic(method.getModifiers()))
                .filter(method -> !method.getName().matches("(get|is|set)[A-Z].*"))
                .filter(method -> !method.getName().equals("openRelated"))
                .toList();

        assertThat(actions)
                .extracting(Method::getName)
                .containsExactlyInAnyOrder("requeue", "markDone", "cancel", "save");
        assertThat(actions).allSatisfy(action -> {
            assertThat(action.isAnnotationPresent(ManagerOnly.class))
                    .as(action.getName())
                    .isTrue();
            assertThat(Modifier.isFinal(action.getModifiers())).isFalse();
            assertThat(Modifier.isFinal(action.getDeclaringClass().getModifiers()))
                    .isFalse();
        });
    }
}
