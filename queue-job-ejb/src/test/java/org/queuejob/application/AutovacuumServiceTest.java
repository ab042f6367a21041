package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.autovacuum.AutovacuumLauncher;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.AutovacuumRefusedException;
import org.queuejob.domain.model.autovacuum.AutovacuumRun;
import org.queuejob.domain.model.autovacuum.AutovacuumRunningException;
import org.queuejob.domain.model.autovacuum.AutovacuumRuns;
import org.queuejob.domain.model.autovacuum.RunOutcome;
import org.queuejob.infrastructure.config.QueueJobSettings;
import org.queuejob.infrastructure.config.WorkerIdentity;

/**
 * Stop and resume as staff ask for them (the Channels screen): each refusal says why in a sentence, and only a run
 * this server's batch runtime holds is stopped or resumed.
 */
class AutovacuumServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-08T03:00:00Z");
    private static final String HERE = "server@host-1/domain1";
    private static final String THERE = "server@host-2/domain1";

    private final Map<Long, AutovacuumRun> records = new LinkedHashMap<>();
    private final Set<Long> knownExecutions = new HashSet<>();
    private final List<Long> stopsAsked = new ArrayList<>();
    private final List<Long> restarted = new ArrayList<>();
    private final AutovacuumService service = new AutovacuumService();

    /** Set by a test: what this server's batch runtime answers to a stop. */
    private boolean stopTaken = true;

    AutovacuumServiceTest() {
        service.runs = new InMemoryRuns();
        service.launcher = new AutovacuumLauncher() {
            @Override
            public long start(long runId, AutovacuumPace pace) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long restart(long executionId, long runId, AutovacuumPace pace) {
                restarted.add(executionId);
                return executionId + 100;
            }

            @Override
            public boolean knows(long executionId) {
                return knownExecutions.contains(executionId);
            }

            @Override
            public boolean stop(long executionId) {
                stopsAsked.add(executionId);
                return stopTaken;
            }
        };
        service.settings = new QueueJobSettings();
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.server = new WorkerIdentity() {
            @Override
            public String name() {
                return HERE;
            }
        };
    }

    @Test
    void aRunningRunOfThisServer_isAskedToStop() {
        run(1, RunOutcome.RUNNING, HERE, 11L);

        AutovacuumRun asked = service.requestStop(1);

        assertThat(asked.id()).isEqualTo(1);
        assertThat(stopsAsked).containsExactly(11L);
    }

    @Test
    void stoppingARunThatHasEnded_saysSo_andAsksNothing() {
        run(1, RunOutcome.COMPLETED, HERE, 11L);

        assertThatThrownBy(() -> service.requestStop(1))
                .isInstanceOf(AutovacuumRefusedException.class)
                .hasMessage("Autovacuum run 1 has already ended (completed): there is nothing to stop.");
        assertThat(stopsAsked).isEmpty();
    }

    @Test
    void stoppingARunOfAnotherServer_namesThatServer_andAsksNothingHere() {
        run(1, RunOutcome.RUNNING, THERE, 11L);

        assertThatThrownBy(() -> service.requestStop(1))
                .isInstanceOf(AutovacuumRefusedException.class)
                .hasMessage("Autovacuum run 1 runs on " + THERE + ", and only that server's batch runtime can stop"
                        + " it: stop it from the back office of that server (this one is " + HERE + "), or let it"
                        + " finish.");
        assertThat(stopsAsked).isEmpty();
    }

    @Test
    void stoppingARunWhoseExecutionEndedJustBefore_saysItEnded() {
        run(1, RunOutcome.RUNNING, HERE, 11L);
        stopTaken = false;
        // The execution ended as the request came: its listener recorded the outcome.
        service.runs = new InMemoryRuns() {
            @Override
            public Optional<AutovacuumRun> find(long runId) {
                return stopsAsked.isEmpty()
                        ? super.find(runId)
                        : Optional.of(with(records.get(runId), RunOutcome.STOPPED));
            }
        };

        assertThatThrownBy(() -> service.requestStop(1))
                .isInstanceOf(AutovacuumRefusedException.class)
                .hasMessage("Autovacuum run 1 has already ended (stopped): there is nothing to stop.");
    }

    @Test
    void stoppingARunNotYetAcceptedByTheBatchRuntime_orUnknown_saysSo() {
        run(1, RunOutcome.RUNNING, HERE, null);

        assertThatThrownBy(() -> service.requestStop(1))
                .isInstanceOf(AutovacuumRefusedException.class)
                .hasMessage("Autovacuum run 1 is still starting: try again in a moment.");
        assertThatThrownBy(() -> service.requestStop(9))
                .isInstanceOf(AutovacuumRefusedException.class)
                .hasMessage("There is no autovacuum run 9.");
    }

    @Test
    void aStoppedRunOfThisServer_resumesFromItsExecutionsCheckpoint() {
        run(1, RunOutcome.STOPPED, HERE, 11L);
        knownExecutions.add(11L);

        AutovacuumRun resumed = service.resume(1);

        assertThat(restarted).containsExactly(11L);
        assertThat(resumed.outcome()).isEqualTo(RunOutcome.RUNNING);
        assertThat(resumed.executionId()).isEqualTo(111L);
    }

    @Test
    void resumingARunThatIsRunningOrCompleted_saysThereIsNothingToResume() {
        run(1, RunOutcome.RUNNING, HERE, 11L);
        run(2, RunOutcome.COMPLETED, HERE, 12L);
        knownExecutions.add(11L);
        knownExecutions.add(12L);

        assertThatThrownBy(() -> service.resume(1))
                .isInstanceOf(AutovacuumRefusedException.class)
                .hasMessage("Autovacuum run 1 is running: there is nothing to resume.");
        assertThatThrownBy(() -> service.resume(2))
                .isInstanceOf(AutovacuumRefusedException.class)
                .hasMessage("Autovacuum run 2 has completed: there is nothing left to resume. Start a new run to"
                        + " delete what has aged since.");
        assertThat(restarted).isEmpty();
    }

    @Test
    void resumingARunOfAnotherServer_saysToResumeItThere() {
        run(1, RunOutcome.FAILED, THERE, 11L);

        assertThatThrownBy(() -> service.resume(1))
                .isInstanceOf(AutovacuumRefusedException.class)
                .hasMessage("Autovacuum run 1 ran on " + THERE + ", whose batch runtime keeps its checkpoint:"
                        + " resume it there, or start a new run (it deletes what is left).");
        assertThat(restarted).isEmpty();
    }

    @Test
    void resumingARunWhoseExecutionThisServerForgot_orThatNeverBegan_saysToStartANewRun() {
        run(1, RunOutcome.STOPPED, HERE, 11L);
        run(2, RunOutcome.FAILED, HERE, null);

        assertThatThrownBy(() -> service.resume(1))
                .isInstanceOf(AutovacuumRefusedException.class)
                .hasMessageStartingWith("Autovacuum run 1 ran on this server, but its batch runtime no longer knows"
                        + " its execution 11");
        assertThatThrownBy(() -> service.resume(2))
                .isInstanceOf(AutovacuumRefusedException.class)
                .hasMessage("Autovacuum run 2 failed before its batch execution began, so it has no checkpoint to"
                        + " resume from: start a new run (it deletes what is left).");
        assertThat(restarted).isEmpty();
    }

    @Test
    void resumingWhileAnotherRunIsRunning_namesTheRunningOne() {
        run(1, RunOutcome.STOPPED, HERE, 11L);
        run(2, RunOutcome.RUNNING, THERE, 12L);
        knownExecutions.add(11L);

        assertThatThrownBy(() -> service.resume(1))
                .isInstanceOf(AutovacuumRunningException.class)
                .hasMessageContaining("already running on " + THERE + " (run 2");
        assertThat(restarted).isEmpty();
    }

    private void run(long id, RunOutcome outcome, String server, Long execution) {
        records.put(
                id,
                new AutovacuumRun(
                        id,
                        NOW.minus(Duration.ofMinutes(10)),
                        "manager",
                        server,
                        NOW.minus(Duration.ofMinutes(10)),
                        outcome,
                        null,
                        outcome == RunOutcome.RUNNING ? null : NOW.minus(Duration.ofMinutes(1)),
                        0,
                        0,
                        0,
                        new AutovacuumPace(1000, 0.1),
                        execution));
    }

    private static AutovacuumRun with(AutovacuumRun run, RunOutcome outcome) {
        return new AutovacuumRun(
                run.id(),
                run.startedAt(),
                run.startedBy(),
                run.server(),
                run.asOf(),
                outcome,
                run.reason(),
                run.finishedAt(),
                run.rowsDeleted(),
                run.chunks(),
                run.workingMillis(),
                run.pace(),
                run.executionId());
    }

    /** The run records with the guard's rule: one running run at a time. */
    private class InMemoryRuns implements AutovacuumRuns {

        @Override
        public AutovacuumRun claim(
                String startedBy, Instant asOf, AutovacuumPace pace, Duration deadAfter, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public AutovacuumRun reclaim(long runId, Duration deadAfter, Instant now) {
            records.values().stream()
                    .filter(run -> run.outcome() == RunOutcome.RUNNING && run.id() != runId)
                    .findFirst()
                    .ifPresent(running -> {
                        throw new AutovacuumRunningException(running);
                    });
            AutovacuumRun running = with(records.get(runId), RunOutcome.RUNNING);
            records.put(runId, running);
            return running;
        }

        @Override
        public void executionStarted(long runId, long executionId) {
            AutovacuumRun run = records.get(runId);
            records.put(
                    runId,
                    new AutovacuumRun(
                            run.id(),
                            run.startedAt(),
                            run.startedBy(),
                            run.server(),
                            run.asOf(),
                            run.outcome(),
                            run.reason(),
                            run.finishedAt(),
                            run.rowsDeleted(),
                            run.chunks(),
                            run.workingMillis(),
                            run.pace(),
                            executionId));
        }

        @Override
        public boolean holdForChunk(long runId) {
            return true;
        }

        @Override
        public void addDeleted(long runId, long jobs) {}

        @Override
        public boolean chunkDone(long runId, Duration working) {
            return true;
        }

        @Override
        public boolean beat(long runId) {
            return true;
        }

        @Override
        public void finish(long runId, RunOutcome outcome, String reason, Instant now) {
            records.put(runId, with(records.get(runId), outcome));
        }

        @Override
        public Optional<AutovacuumRun> find(long runId) {
            return Optional.ofNullable(records.get(runId));
        }

        @Override
        public List<AutovacuumRun> latest(int count) {
            return List.copyOf(records.values());
        }
    }
}
