package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.infrastructure.persistence.QueueStore;
import org.queuejob.infrastructure.persistence.QueueStore.SlotPass;

/** A run's done mark, as the executor takes it once the job's method has returned. */
class JobExecutorTest {

    private static final Instant NOW = Instant.parse("2026-12-07T16:00:00Z");
    private static final SlotPass PASS = new SlotPass("root.mail", List.of(), List.of("root.mail", "root"), List.of());

    private final List<String> doneMarks = new ArrayList<>();
    private final AtomicBoolean methodReturned = new AtomicBoolean();

    @Test
    void aSlotPassIsDecidedWhenTheJobsMethodHasReturned_notWhenItStarted() throws Exception {
        // Passing is allowed only until the method returns: what a server made quiet during a long run looks like.
        JobExecutor.Ran ran = executor()
                .execute(
                        job(),
                        "server@host",
                        NOW,
                        () -> methodReturned.get() ? Optional.empty() : Optional.of(PASS),
                        CallWindow.NONE);

        assertThat(doneMarks).containsExactly("done, slot back to the leader");
        assertThat(ran.result()).isEqualTo(JobExecutor.Result.DONE);
    }

    @Test
    void aSlotPassAllowedAtTheDoneMark_goesWithIt() throws Exception {
        executor().execute(job(), "server@host", NOW, () -> Optional.of(PASS), CallWindow.NONE);

        assertThat(doneMarks).containsExactly("done, slot passed in root.mail");
    }

    /**
     * On WildFly the transaction manager rolls a job's transaction back at its timeout, and the job's next statement
     * fails with what reads as a lost connection: it was retried 5 s later, to run as long again.
     */
    @Test
    void aMethodThatFailsAfterRunningPastItsTimeout_failsWithTheTimeout_itsFailureKeptAsTheCause() {
        SQLException afterTheRollback = new SQLException("IJ031070: Transaction cannot proceed: STATUS_ROLLEDBACK");
        JobExecutor executor = executor(() -> {
            throw new IllegalStateException("Could not read the invoice", afterTheRollback);
        });

        Instant startedAnHourAndASecondAgo = NOW.minusSeconds(3601);
        assertThatThrownBy(() -> executor.execute(
                        job(), "server@host", startedAnHourAndASecondAgo, Optional::empty, CallWindow.NONE))
                .isInstanceOf(JobTimedOutException.class)
                .hasMessageStartingWith("The job ran for 3601.0 s, longer than its timeout of 3600 s")
                .hasRootCause(afterTheRollback);
        assertThat(doneMarks).isEmpty();
    }

    @Test
    void aMethodThatFailsWithinItsTimeout_failsWithItsOwnException() {
        IllegalStateException own = new IllegalStateException("no stock");
        JobExecutor executor = executor(() -> {
            throw own;
        });

        assertThatThrownBy(() -> executor.execute(job(), "server@host", NOW, Optional::empty, CallWindow.NONE))
                .isSameAs(own);
    }

    private JobExecutor executor() {
        return executor(() -> "ok");
    }

    private JobExecutor executor(Callable<Object> method) {
        JobExecutor executor = new JobExecutor() {
            @Override
            Object invoke(ClaimedJob job, CallWindow call) throws Exception {
                Object result = method.call();
                methodReturned.set(true);
                return result;
            }
        };
        executor.store = new QueueStore() {
            @Override
            public boolean complete(
                    long id, long version, String worker, Instant startedAt, Instant doneAt, String result) {
                doneMarks.add("done, slot back to the leader");
                return true;
            }

            @Override
            public DoneMark completePassingSlot(
                    long id,
                    long version,
                    String worker,
                    Instant startedAt,
                    Instant doneAt,
                    String result,
                    SlotPass pass) {
                doneMarks.add("done, slot passed in " + pass.channel());
                return new DoneMark(true, Optional.empty());
            }
        };
        executor.timeouts = new JobTimeouts();
        executor.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return executor;
    }

    private static ClaimedJob job() {
        return new ClaimedJob(
                1L,
                UUID.randomUUID(),
                "root.mail",
                "com.example.Mailer.send",
                "[]",
                false,
                0,
                "ada",
                null,
                NOW,
                0,
                false);
    }
}
