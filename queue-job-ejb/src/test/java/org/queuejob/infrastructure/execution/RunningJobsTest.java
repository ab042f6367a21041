package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.infrastructure.execution.RunningJobs.Run;

class RunningJobsTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    private static final String QUICK = "org.example.Jobs.quick";
    private static final String SLOW = "org.example.Jobs.slow";

    /** Timeouts per job function, in seconds. */
    private static final Map<String, Integer> TIMEOUTS = Map.of(QUICK, 5, SLOW, 60);

    /** As {@code JobTimeouts.isPast} says it, with {@link #TIMEOUTS}. */
    private static final BiPredicate<String, Duration> PAST =
            (function, ran) -> ran.compareTo(Duration.ofSeconds(TIMEOUTS.get(function))) > 0;

    private final RunningJobs running = new RunningJobs();

    @Test
    void onlyJobsRunningForASecondAreDue_oldestFirst() {
        running.started(job(1, QUICK), T0.plusMillis(300));
        running.started(job(2, QUICK), T0);
        running.started(job(3, QUICK), T0.plusMillis(900));

        List<Run> due = running.toMark(T0.plusSeconds(1).plusMillis(300));

        assertThat(due).extracting(Run::id).containsExactly(2L, 1L);
        assertThat(due).extracting(Run::startedAt).containsExactly(T0, T0.plusMillis(300));
    }

    @Test
    void aMarkedRunIsNotDueAgain_whileOneTheDatabaseDidNotMarkStaysDue() {
        running.started(job(1, QUICK), T0);
        running.started(job(2, QUICK), T0);
        List<Run> due = running.toMark(T0.plusSeconds(2));

        running.marked(due.stream().filter(run -> run.id() == 1).toList());

        assertThat(running.toMark(T0.plusSeconds(3))).extracting(Run::id).containsExactly(2L);
    }

    @Test
    void aJobThatEndedWhileItsMarkWasWrittenLeaves_andANewRunOfItStartsUnmarked() {
        running.started(job(1, QUICK), T0);
        running.started(job(2, QUICK), T0);
        List<Run> due = running.toMark(T0.plusSeconds(2));
        running.ended(1);
        running.ended(2);
        running.started(job(2, QUICK), T0.plusSeconds(2)); // its retry, on this server

        running.marked(due);

        assertThat(running.size()).isEqualTo(1);
        assertThat(running.toMark(T0.plusSeconds(4)))
                .singleElement()
                .satisfies(run -> assertThat(run.startedAt()).isEqualTo(T0.plusSeconds(2)));
    }

    @Test
    void aRunPastItsOwnFunctionsTimeoutIsToldOfOnce_withTheThreadItRunsOn() {
        running.started(job(1, QUICK), T0);
        running.started(job(2, SLOW), T0);

        List<Run> overdue = running.newlyOverdue(T0.plusSeconds(6), PAST);

        assertThat(overdue).extracting(Run::id).containsExactly(1L);
        assertThat(overdue.get(0).thread()).isSameAs(Thread.currentThread());
        assertThat(running.newlyOverdue(T0.plusSeconds(7), PAST)).isEmpty();
        assertThat(running.overdue()).isEqualTo(1);
        assertThat(running.newlyOverdue(T0.plusSeconds(61), PAST))
                .extracting(Run::id)
                .containsExactly(2L);
        assertThat(running.overdue()).isEqualTo(2);
    }

    @Test
    void aRunExactlyAtItsTimeoutIsNotOverdue_andOneThatEndedIsNoLongerCounted() {
        running.started(job(1, QUICK), T0);
        assertThat(running.newlyOverdue(T0.plusSeconds(5), PAST)).isEmpty();
        assertThat(running.newlyOverdue(T0.plusSeconds(5).plusMillis(1), PAST)).hasSize(1);

        running.ended(1);

        assertThat(running.overdue()).isZero();
    }

    @Test
    void aRunIsInterruptedOnlyWhileItsMethodRuns_andItsThreadsFlagIsClearedWhenTheCallEnds() {
        Run run = running.started(job(1, QUICK), T0);

        assertThat(run.interrupt()).as("before the call").isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();

        run.open();
        assertThat(run.interrupt()).as("during the call").isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(run.interrupt()).as("once only").isFalse();
        run.close();

        assertThat(run.interrupted()).isTrue();
        assertThat(Thread.currentThread().isInterrupted())
                .as("the flag after the call, where the done mark and the next job run")
                .isFalse();
    }

    @Test
    void aCallThatEndedBeforeItsInterruptIsNotInterrupted() {
        Run run = running.started(job(1, QUICK), T0);
        run.open();
        run.close();

        assertThat(run.interrupt()).isFalse();
        assertThat(run.interrupted()).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aJobWaitingInItsMethodReturnsWhenInterrupted_andItsThreadGoesOnUninterrupted() throws Exception {
        CountDownLatch inCall = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Run> started = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagAfterTheCall = new AtomicBoolean(true);
        Thread worker = new Thread(() -> {
            Run run = running.started(job(1, QUICK), T0);
            started.set(run);
            run.open();
            try {
                inCall.countDown();
                never.await(); // the job's wait: only an interrupt ends it
            } catch (InterruptedException e) {
                thrown.set(e);
            } finally {
                run.close();
            }
            flagAfterTheCall.set(Thread.currentThread().isInterrupted());
        });
        worker.start();
        assertThat(inCall.await(1, TimeUnit.MINUTES)).isTrue();

        assertThat(started.get().interrupt()).isTrue();
        worker.join(TimeUnit.MINUTES.toMillis(1));

        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(started.get().interrupted()).isTrue();
        assertThat(flagAfterTheCall.get()).isFalse();
    }

    @Test
    void onlyOverdueRunsOfFunctionsInterruptedAtTheirTimeoutAreToInterrupt_andNotTwice() {
        BiPredicate<String, Duration> quickOnly = (function, ran) -> function.equals(QUICK) && PAST.test(function, ran);
        Run late = running.started(job(1, QUICK), T0);
        running.started(job(2, SLOW), T0);
        running.started(job(3, QUICK), T0.plusSeconds(4));
        late.open();

        List<Run> due = running.toInterrupt(T0.plusSeconds(70), quickOnly);

        assertThat(due).extracting(Run::id).containsExactly(1L, 3L);
        assertThat(due.get(0).interrupt()).isTrue();
        Thread.interrupted(); // this test's thread stands for the job's
        late.close();
        assertThat(running.toInterrupt(T0.plusSeconds(71), quickOnly))
                .extracting(Run::id)
                .containsExactly(3L);
    }

    @Test
    void onlyRunsOfASecondOrMoreInTheirMethodAreAskedAbout_andOneFoundTakenAwayIsNeitherAskedAboutNorMarkedAgain() {
        running.started(job(1, QUICK), T0).open();
        running.started(job(2, QUICK), T0).open();
        running.started(job(3, QUICK), T0.plusMillis(1_500)).open();
        Run notCalledYet = running.started(job(4, QUICK), T0);

        List<Run> asked = running.toCheck(T0.plusSeconds(2));
        assertThat(asked).extracting(Run::id).containsExactly(1L, 2L);

        running.takenAway(asked.stream().filter(run -> run.id() == 1).toList());

        assertThat(running.toCheck(T0.plusSeconds(3))).extracting(Run::id).containsExactly(2L, 3L);
        assertThat(running.toMark(T0.plusSeconds(3)))
                .as("runs to mark started: the taken one's row is someone else's")
                .extracting(Run::id)
                .containsExactlyInAnyOrder(2L, 3L, 4L);
        notCalledYet.open();
        assertThat(running.toCheck(T0.plusSeconds(3))).extracting(Run::id).containsExactlyInAnyOrder(2L, 3L, 4L);
    }

    /**
     * A run taken away and interrupted is not one interrupted at its timeout: its end records nothing (the job is
     * someone else's), where a timeout's interrupt fails the job saying so.
     */
    @Test
    void aRunTakenAwayIsInterruptedWhileItsMethodRuns_andDoesNotCountAsInterruptedAtItsTimeout() {
        Run run = running.started(job(1, QUICK), T0);
        run.open();

        running.takenAway(List.of(run));
        assertThat(run.interrupt()).isTrue();
        run.close();

        assertThat(run.takenAway()).isTrue();
        assertThat(run.interrupted()).as("interrupted at its timeout").isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(running.toCheck(T0.plusSeconds(5))).isEmpty();
    }

    @Test
    void aRunInterruptedAtItsTimeoutIsNoLongerAskedAbout() {
        Run run = running.started(job(1, QUICK), T0);
        run.open();
        run.interrupt();
        assertThat(running.toCheck(T0.plusSeconds(10))).as("being interrupted").isEmpty();
        run.close();

        assertThat(running.toCheck(T0.plusSeconds(10))).isEmpty();
        assertThat(run.takenAway()).isFalse();
        assertThat(run.interrupted()).isTrue();
    }

    /** What the leader counts as occupying slots besides what the database says: every run here, until it ends. */
    @Test
    void theRunsHereAreGivenWithTheirChannels_untilTheyEnd_takenAwayOrNot() {
        running.started(job(1, QUICK, "root.serial"), T0);
        Run taken = running.started(job(2, QUICK, "root.mail"), T0);
        running.takenAway(List.of(taken));

        assertThat(running.channels()).isEqualTo(Map.of(1L, "root.serial", 2L, "root.mail"));

        running.ended(2);
        assertThat(running.channels()).isEqualTo(Map.of(1L, "root.serial"));
    }

    private static ClaimedJob job(long id, String function) {
        return job(id, function, "root");
    }

    private static ClaimedJob job(long id, String function, String channel) {
        return new ClaimedJob(id, UUID.randomUUID(), channel, function, "[]", false, 0, null, null, T0, 1, false);
    }
}
