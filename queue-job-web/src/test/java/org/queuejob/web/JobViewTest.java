package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;

class JobViewTest {

    /**
     * Every field the view carries comes from the entity's field of the same name. Each of the entity's fields holds a
     * value no other field holds (as the database could have it, whatever the state table allows), so a component
     * filled from another field of the same type (dateDone from dateStarted, retry from maxRetries) is found.
     */
    @Test
    void eachFieldOfTheView_isTheJobsFieldOfTheSameName() throws ReflectiveOperationException {
        QueueJob job = jobWithEveryFieldDistinct();

        JobView view = JobView.of(job);

        List<Object> values = new ArrayList<>();
        for (RecordComponent component : JobView.class.getRecordComponents()) {
            Object shown = component.getAccessor().invoke(view);
            Object stored = QueueJob.class.getMethod(component.getName()).invoke(job);
            Object expected = stored instanceof Optional<?> optional ? optional.orElse(null) : stored;
            assertThat(shown).as(component.getName()).isNotNull().isEqualTo(expected);
            values.add(shown);
        }
        assertThat(new HashSet<>(values)).as("distinct values").hasSize(values.size());
    }

    @Test
    void aJobOutsideAGraph_hasNoGraphUuid() {
        assertThat(JobView.of(StoredJobs.job("Alone")).graphUuid()).isNull();
    }

    /** The job as a row of the database could hold it: each field set directly, to a value of its own. */
    private static QueueJob jobWithEveryFieldDistinct() throws ReflectiveOperationException {
        Constructor<QueueJob> forJpa = QueueJob.class.getDeclaredConstructor();
        forJpa.setAccessible(true);
        QueueJob job = forJpa.newInstance();
        int next = 1;
        for (Field field : QueueJob.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            int n = next++;
            Class<?> type = field.getType();
            if (type == String.class) {
                field.set(job, field.getName());
            } else if (type == Instant.class) {
                field.set(job, Instant.parse("2026-12-01T00:00:00Z").plusSeconds(n));
            } else if (type == UUID.class) {
                field.set(job, new UUID(0, n));
            } else if (type == int.class || type == Integer.class) {
                field.set(job, n);
            } else if (type == long.class || type == Long.class) {
                field.set(job, 1000L + n);
            } else if (type == JobState.class) {
                field.set(job, JobState.FAILED);
            } else {
                throw new AssertionError("A field of a type this test does not fill: " + field);
            }
        }
        return job;
    }
}
