package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuejob.infrastructure.execution.RunningJobs.Run;

class RunningJobsTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private final RunningJobs running = new RunningJobs();

    @Test
    void onlyJobsRunningForASecondAreDue_oldestFirst() {
        running.started(1, T0.plusMillis(300));
        running.started(2, T0);
        running.started(3, T0.plusMillis(900));

        List<Run> due = running.toMark(T0.plusSeconds(1).plusMillis(300));

        assertThat(due).extracting(Run::id).containsExactly(2L, 1L);
        assertThat(due).extracting(Run::startedAt).containsExactly(T0, T0.plusMillis(300));
    }

    @Test
    void aMarkedRunIsNotDueAgain_whileOneTheDatabaseDidNotMarkStaysDue() {
        running.started(1, T0);
        running.started(2, T0);
        List<Run> due = running.toMark(T0.plusSeconds(2));

        running.marked(due.stream().filter(run -> run.id() == 1).toList());

        assertThat(running.toMark(T0.plusSeconds(3))).extracting(Run::id).containsExactly(2L);
    }

    @Test
    void aJobThatEndedWhileItsMarkWasWrittenLeaves_andANewRunOfItStartsUnmarked() {
        running.started(1, T0);
        running.started(2, T0);
        List<Run> due = running.toMark(T0.plusSeconds(2));
        running.ended(1);
        running.ended(2);
        running.started(2, T0.plusSeconds(2)); // its retry, on this server

        running.marked(due);

        assertThat(running.size()).isEqualTo(1);
        assertThat(running.toMark(T0.plusSeconds(4))).containsExactly(new Run(2, T0.plusSeconds(2), false));
    }
}
