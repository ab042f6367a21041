package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.lang.reflect.Field;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.queuejob.api.FailedJobException;
import org.queuejob.api.RetryableJobException;
import org.queuejob.domain.model.job.ClaimedJob;
import org.queuejob.domain.model.job.HeldRun;
import org.queuejob.domain.model.job.JobOptions;
import org.queuejob.domain.model.job.JobRepository;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.StoredText;
import org.queuejob.infrastructure.execution.JobRunner.Outcome;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;
import org.queuejob.infrastructure.observability.JobOutcomes;
import org.queuejob.infrastructure.persistence.QueueStore.SlotPass;

/**
 * How a failed try ends, from the job's exception to the row its record commits: through the runner's transactions and
 * the real recorder, on a repository that refuses what PostgreSQL refuses (a NUL in text, a timestamp past its range).
 * A failure whose record does not commit is run again at every look of its server at its jobs, its try never counted:
 * so every failure here must end recorded, unless the database is away.
 */
class JobRunnerTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    private static final String WORKER = "server@host";

    private final Database database = new Database();
    private final Transactions transaction = new Transactions(database);
    private final List<Outcome> outcomes = new ArrayList<>();
    private Throwable thrown;

    private final JobRunner runner = runner();

    @Test
    void aRetryWhoseMessageHoldsANul_isRecordedWithUFFFD_notRunAgain() {
        thrown = new RetryableJobException("gateway said: \u0000", Duration.ofMinutes(1));

        assertThat(run()).isEqualTo(Outcome.NOT_DONE);

        QueueJob job = database.committed();
        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.result()).isEqualTo("gateway said: \uFFFD");
        assertThat(job.eta()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(job.retry()).isEqualTo(1);
    }

    @Test
    void aRetryDelayThatPutsTheNextTryPastTheYear9999_failsTheJobSayingSo() {
        Duration nineThousandYears = ChronoUnit.MILLENNIA.getDuration().multipliedBy(9);
        thrown = new RetryableJobException("see you", nineThousandYears);

        assertThat(run()).isEqualTo(Outcome.FAILED);

        QueueJob job = database.committed();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.excName()).isEqualTo(RetryableJobException.class.getName());
        assertThat(job.excMessage())
                .isEqualTo("Not retried: its retry delay (" + nineThousandYears + ") puts its next try past the year "
                        + "9999, the latest eta a job can have: see you");
        assertThat(job.eta()).as("no eta moved to the year 9999").isNull();
        assertThat(job.retry()).isEqualTo(1);
    }

    @Test
    void aRetryDelayLongerThanAnyEtaCanBe_isRefusedWhereItIsGiven() {
        assertThatThrownBy(() -> new RetryableJobException("x", ChronoUnit.FOREVER.getDuration()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("A retry delay cannot be longer than 10,000 years (a job's next try must fall "
                        + "before the year 10000): PT");
        assertThatThrownBy(() -> new RetryableJobException("x", Duration.ofDays(365L * 300_000)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new RetryableJobException(
                                "x", ChronoUnit.MILLENNIA.getDuration().multipliedBy(10))
                        .delay())
                .isPresent();
    }

    @Test
    void anExceptionWhoseMessageCannotBeRead_failsTheJobSayingSo() {
        thrown = new IllegalStateException("outer", new UnreadableException());

        assertThat(run()).isEqualTo(Outcome.FAILED);

        QueueJob job = database.committed();
        assertThat(job.excName()).isEqualTo(IllegalStateException.class.getName());
        assertThat(job.excMessage()).isEqualTo("outer");
        assertThat(job.excInfo()).contains("Caused by: " + UnreadableException.class.getName());
    }

    @Test
    void aRetryableExceptionWhoseMessageCannotBeRead_isRetriedSayingSo() {
        thrown = new RetryableJobException("busy", Duration.ofSeconds(5)) {
            @Override
            public String getMessage() {
                throw new IllegalStateException("lazy field not loaded");
            }
        };

        assertThat(run()).isEqualTo(Outcome.NOT_DONE);

        assertThat(database.committed().result())
                .isEqualTo("(the exception's message could not be read: java.lang.IllegalStateException: lazy field "
                        + "not loaded)");
    }

    @Test
    void aRecordTheDatabaseRefuses_failsTheJobWithAMinimalRecord_insteadOfRunningItAgain() {
        thrown = new IllegalStateException("no stock");
        database.refuseNextFlush(new PersistenceException(new SQLException("value too long", "22001")));

        assertThat(run()).isEqualTo(Outcome.FAILED);

        QueueJob job = database.committed();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.excName()).isEqualTo(IllegalStateException.class.getName());
        assertThat(job.excMessage())
                .isEqualTo("Its failure could not be recorded: jakarta.persistence.PersistenceException: "
                        + "java.sql.SQLException: value too long");
        assertThat(job.retry()).as("the try counted").isEqualTo(1);
    }

    @Test
    void aRecordThatFailsWhileTheDatabaseIsAway_isLeftToTheNextRun() {
        thrown = new IllegalStateException("no stock");
        database.refuseNextFlush(new PersistenceException(new SQLException("connection lost", "08006")));

        assertThat(run()).isEqualTo(Outcome.UNRECORDED);

        assertThat(database.committed())
                .as("nothing committed: the job stays held")
                .isNull();
        assertThat(database.locks).as("no minimal record tried").isEqualTo(1);
    }

    @Test
    void whenEvenTheMinimalRecordFails_theJobStaysHeld() {
        thrown = new IllegalStateException("no stock");
        database.refuseNextFlush(new PersistenceException(new SQLException("value too long", "22001")));
        database.refuseNextFlush(new PersistenceException(new SQLException("disk full", "53100")));

        assertThat(run()).isEqualTo(Outcome.UNRECORDED);

        assertThat(database.committed()).isNull();
        assertThat(database.locks).isEqualTo(2);
    }

    @Test
    void anErrorThrownByTheJob_isRecordedUnderItsOwnName() {
        thrown = new StackOverflowError();

        assertThat(run()).isEqualTo(Outcome.FAILED);

        assertThat(database.committed().excName()).isEqualTo(StackOverflowError.class.getName());
    }

    @Test
    void aRetryableExceptionWrappedByASessionBean_isRetried() {
        thrown = new EJBTransactionRolledbackException(
                "Transaction aborted", new RetryableJobException("busy", Duration.ofMinutes(2)));

        assertThat(run()).isEqualTo(Outcome.NOT_DONE);

        QueueJob job = database.committed();
        assertThat(job.state()).isEqualTo(JobState.PENDING);
        assertThat(job.result()).isEqualTo("busy");
        assertThat(job.eta()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void aFailedJobExceptionWrappedByASessionBean_isRecordedAsItself() {
        thrown = new EJBException(new EJBException("nested", new FailedJobException("look at the invoice")));

        assertThat(run()).isEqualTo(Outcome.FAILED);

        QueueJob job = database.committed();
        assertThat(job.excName()).isEqualTo(FailedJobException.class.getName());
        assertThat(job.excMessage()).isEqualTo("look at the invoice");
    }

    /** A deadlock it wraps is the job's reason to stop, not a passing failure of the database: retried every 5 s. */
    @Test
    void aFailedJobExceptionWhoseCauseIsADatabaseFailure_failsTheJob_notRetried() {
        thrown = new FailedJobException("needs a person", new SQLException("deadlock detected", "40P01"));

        assertThat(run()).isEqualTo(Outcome.FAILED);

        QueueJob job = database.committed();
        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.excMessage()).isEqualTo("needs a person");
    }

    @Test
    void anEjbExceptionAroundAnotherException_isRecordedAsThrown() {
        thrown = new EJBException(new IllegalStateException("inner"));

        assertThat(run()).isEqualTo(Outcome.FAILED);

        assertThat(database.committed().excName()).isEqualTo(EJBException.class.getName());
    }

    @Test
    void aBoundOfTheRetryPatternAtIntegerMaxValue_isPickedWithoutOverflow() {
        for (int i = 0; i < 100; i++) {
            assertThat(JobFailureRecorder.randomWithin(Integer.MAX_VALUE - 1, Integer.MAX_VALUE))
                    .isBetween(Integer.MAX_VALUE - 1, Integer.MAX_VALUE);
        }
        assertThat(JobFailureRecorder.randomWithin(60, 60)).isEqualTo(60);
    }

    private Outcome run() {
        ClaimedJob claimed = new ClaimedJob(
                1L, UUID.randomUUID(), "root", "com.example.Mailer.send", "[]", false, 0, "ada", null, NOW, 0, false);
        Deque<ClaimedJob> jobs = new ArrayDeque<>(List.of(claimed));
        runner.runWhileReady(
                new JobRunner.Loop() {
                    @Override
                    public ClaimedJob next() {
                        return jobs.poll();
                    }

                    @Override
                    public CallWindow started(ClaimedJob job, Instant startedAt) {
                        return CallWindow.NONE;
                    }

                    @Override
                    public Optional<SlotPass> passFor(ClaimedJob job) {
                        return Optional.empty();
                    }

                    @Override
                    public boolean takeOn(ClaimedJob job, ClaimedJob next) {
                        return false;
                    }

                    @Override
                    public void ended(ClaimedJob job, Outcome outcome, ClaimedJob next) {
                        outcomes.add(outcome);
                    }
                },
                WORKER);
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    private JobRunner runner() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        JobFailureRecorder recorder = new JobFailureRecorder();
        recorder.jobs = database;
        recorder.functions = new JobFunctionRegistry(); // none: the default retry delay
        recorder.clock = clock;
        JobRunner built = new JobRunner();
        built.transaction = transaction;
        built.failures = recorder;
        built.timeouts = new JobTimeouts();
        built.clock = clock;
        built.outcomes = new JobOutcomes() {
            @Override
            public void started(ClaimedJob job, Instant startedAt) {}

            @Override
            public void done(ClaimedJob job, Instant startedAt, Instant endedAt) {}

            @Override
            public void failed(ClaimedJob job, Throwable failure, Instant startedAt, Instant endedAt) {}

            @Override
            public void retried(ClaimedJob job, Throwable failure, Instant startedAt, Instant endedAt) {}
        };
        built.executor = new JobExecutor() {
            @Override
            public Ran execute(
                    ClaimedJob job,
                    String worker,
                    Instant startedAt,
                    Supplier<Optional<SlotPass>> pass,
                    CallWindow call)
                    throws Exception {
                if (thrown instanceof Exception exception) {
                    throw exception;
                }
                throw (Error) thrown;
            }
        };
        return built;
    }

    /** An exception whose getMessage() throws, and so its toString() and printStackTrace() do too. */
    static final class UnreadableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
            throw new IllegalStateException("lazy field not loaded");
        }
    }

    /**
     * Job 1 as the leader handed it to {@link #WORKER}, loaded afresh by each transaction; what a commit keeps is
     * {@link #committed()}. Its flush refuses what PostgreSQL refuses, and what a test tells it to.
     */
    static final class Database implements JobRepository {

        int locks;
        private QueueJob loaded;
        private QueueJob committed;
        private final Deque<RuntimeException> refusals = new ArrayDeque<>();

        void refuseNextFlush(RuntimeException refusal) {
            refusals.add(refusal);
        }

        QueueJob committed() {
            return committed;
        }

        void commit() {
            if (loaded != null) {
                flush();
                committed = loaded;
            }
            loaded = null;
        }

        void rollback() {
            loaded = null;
        }

        @Override
        public Optional<QueueJob> lockById(long id) {
            locks++;
            loaded = committed != null ? committed : dispatched();
            return Optional.of(loaded);
        }

        @Override
        public void flush() {
            if (!refusals.isEmpty()) {
                throw refusals.poll();
            }
            if (loaded == null) {
                return;
            }
            for (String text : new String[] {loaded.result(), loaded.excMessage(), loaded.excInfo()}) {
                if (StoredText.hasNul(text)) {
                    throw new PersistenceException(
                            new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
                }
            }
            if (loaded.eta() != null && loaded.eta().isAfter(Instant.parse("+294276-12-31T23:59:59Z"))) {
                throw new PersistenceException(new SQLException("timestamp out of range", "22008"));
            }
        }

        private static QueueJob dispatched() {
            QueueJob job = new QueueJob(
                    "com.example.Mailer.send",
                    "[]",
                    new JobOptions(10, null, 5, "Send a mail", "root", null),
                    "ada",
                    NOW.minusSeconds(60));
            job.stored(1L);
            // As the leader's dispatch statement writes it, and JPA loads it by field.
            set(job, "state", JobState.ENQUEUED);
            set(job, "worker", WORKER);
            set(job, "dateEnqueued", NOW.minusSeconds(1));
            return job;
        }

        private static void set(QueueJob job, String name, Object value) {
            try {
                Field field = QueueJob.class.getDeclaredField(name);
                field.setAccessible(true);
                field.set(job, value);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public Optional<QueueJob> find(UUID uuid) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int releaseChildrenOf(long parentId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean parentsAllDone(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int cancelDescendantsOf(long id, String result, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void recordRunTakenAway(HeldRun run, Instant takenAt) {
            throw new UnsupportedOperationException();
        }
    }

    /** The bean's UserTransaction over {@link Database}: a commit writes what the transaction loaded and changed. */
    static final class Transactions implements UserTransaction {

        private final Database database;
        private int status = Status.STATUS_NO_TRANSACTION;

        Transactions(Database database) {
            this.database = database;
        }

        @Override
        public void begin() {
            status = Status.STATUS_ACTIVE;
        }

        @Override
        public void commit() {
            try {
                database.commit();
            } finally {
                status = Status.STATUS_NO_TRANSACTION;
            }
        }

        @Override
        public void rollback() {
            database.rollback();
            status = Status.STATUS_NO_TRANSACTION;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void setTransactionTimeout(int seconds) {}
    }
}
