package org.queuejob.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.ApplicationException;
import org.junit.jupiter.api.Test;

/**
 * What the EJB container does with the library's exceptions when a session bean throws them: without
 * {@link ApplicationException} it wraps a runtime exception in an {@code EJBException} (the queue then failed a job
 * that asked for a retry) and marks the caller's transaction for rollback (a refused argument then rolled back the
 * caller's work).
 */
class ApplicationExceptionsTest {

    @Test
    void theJobsOwnExceptionsReachTheQueueAsThemselves_andRollTheJobsWorkBack() {
        for (Class<?> type : new Class<?>[] {RetryableJobException.class, FailedJobException.class}) {
            ApplicationException annotation = type.getAnnotation(ApplicationException.class);
            assertThat(annotation).as(type.getSimpleName()).isNotNull();
            assertThat(annotation.rollback()).as(type.getSimpleName()).isTrue();
            assertThat(annotation.inherited()).as(type.getSimpleName()).isTrue();
        }
    }

    @Test
    void aRefusedArgumentReachesTheCallerAsItself_andLeavesItsTransactionAlone() {
        ApplicationException annotation = JobArgumentException.class.getAnnotation(ApplicationException.class);

        assertThat(annotation).isNotNull();
        assertThat(annotation.rollback()).isFalse();
        assertThat(annotation.inherited()).isTrue();
    }
}
