package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.api.Delayable;
import org.queuejob.api.JobArgumentException;
import org.queuejob.api.JobQueue;
import org.queuejob.api.JobsTrap;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;
import org.queuejob.it.jobs.Customers;
import org.queuejob.it.jobs.EnqueuedJobs;
import org.queuejob.it.jobs.ExecutionLog;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.support.TestDeployments;

/** A {@code @Job} call stores a job in the caller's transaction, and refuses what it cannot store. */
@ExtendWith(ArquillianExtension.class)
class EnqueueIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("enqueue-it");
    }

    @Inject
    TestJobs jobs;

    @Inject
    EnqueuedJobs enqueued;

    @Inject
    JobQueryService query;

    @Inject
    UserTransaction transaction;

    @Inject
    JobQueue queue;

    @Inject
    ExecutionLog log;

    @Inject
    Customers customers;

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    @Test
    void jobIsStoredWhenTheCallerCommits() throws Exception {
        transaction.begin();
        jobs.store("committed-" + UUID.randomUUID());
        UUID uuid = enqueued.last();
        transaction.commit();

        assertThat(query.find(uuid)).isPresent();
    }

    @Test
    void jobIsAbsentWhenTheCallerRollsBack() throws Exception {
        transaction.begin();
        jobs.store("rolled-back-" + UUID.randomUUID());
        UUID uuid = enqueued.last();
        transaction.rollback();

        assertThat(query.find(uuid)).isEmpty();
    }

    @Test
    void jobsOfOneTransaction_areWrittenTogetherWhenItCommits() throws Exception {
        String tag = "together-" + UUID.randomUUID();
        List<UUID> stored = new ArrayList<>();
        transaction.begin();
        try {
            for (int i = 0; i < 50; i++) {
                jobs.store(tag + "-" + i);
                stored.add(enqueued.last());
            }
            // Read on the transaction's own connection, which sees its uncommitted rows: none yet, not one
            // statement per call; the commit writes them, all in one statement.
            assertThat(rowsOf(stored)).isZero();
            transaction.commit();
        } catch (Exception | AssertionError e) {
            transaction.rollback();
            throw e;
        }

        assertThat(rowsOf(stored)).isEqualTo(50);
        assertThat(stored).allSatisfy(uuid -> assertThat(query.find(uuid)).isPresent());
    }

    /** Jobs among {@code uuids} in the table, as the current transaction (if any) sees it. */
    private long rowsOf(List<UUID> uuids) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count =
                        connection.prepareStatement("SELECT count(*) FROM queue_job WHERE uuid = ANY(?)")) {
            count.setArray(1, connection.createArrayOf("uuid", uuids.toArray()));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Test
    void sameIdentityKeyTwiceInOneTransaction_storesOneJob() throws Exception {
        String key = "twice-" + UUID.randomUUID();
        int before = enqueued.count();
        transaction.begin();
        UUID first;
        UUID second;
        try {
            first = queue.options()
                    .identityKey(key)
                    .eta(Instant.now().plus(Duration.ofHours(1)))
                    .enqueue(() -> jobs.store("one"));
            second = queue.options()
                    .identityKey(key)
                    .eta(Instant.now().plus(Duration.ofHours(1)))
                    .enqueue(() -> jobs.store("two"));
            transaction.commit();
        } catch (Exception | AssertionError e) {
            transaction.rollback();
            throw e;
        }

        assertThat(second).isEqualTo(first);
        assertThat(query.find(first)).isPresent();
        assertThat(enqueued.count()).isEqualTo(before + 1); // the second call stored nothing
    }

    @Test
    void callOutsideATransactionStoresTheJobInItsOwn() {
        jobs.store("no-transaction-" + UUID.randomUUID());

        assertThat(query.find(enqueued.last())).isPresent();
    }

    @Test
    void argumentThatCannotBeStoredFailsAtEnqueueNamingTheParameter() throws Exception {
        int before = enqueued.count();
        transaction.begin();
        try {
            assertThatThrownBy(() -> jobs.read(new ByteArrayInputStream(new byte[] {1, 2})))
                    .isInstanceOf(JobArgumentException.class)
                    .hasMessageContaining("Argument 'stream' of job TestJobs.read")
                    .hasMessageContaining("java.io.ByteArrayInputStream");
            // Refusing the argument must not doom the caller's own work.
            assertThat(transaction.getStatus()).isEqualTo(jakarta.transaction.Status.STATUS_ACTIVE);
        } finally {
            transaction.rollback();
        }
        assertThat(enqueued.count()).isEqualTo(before);
    }

    @Test
    void anArgumentWithANul_isRefusedAtTheCall_notByTheDatabaseWhenTheCallerCommits() throws Exception {
        int before = enqueued.count();
        transaction.begin();
        try {
            assertThatThrownBy(() -> jobs.echo("a\u0000b"))
                    .isInstanceOf(JobArgumentException.class)
                    .hasMessageContaining("Argument 'marker' of job TestJobs.echo")
                    .hasMessageContaining("U+0000 (NUL)");
            assertThat(transaction.getStatus()).isEqualTo(jakarta.transaction.Status.STATUS_ACTIVE);
        } finally {
            transaction.rollback();
        }
        assertThat(enqueued.count()).isEqualTo(before);
    }

    @Test
    void anArgumentOrDescriptionWithHalfACharacter_isRefusedAtTheCall_notStoredAsAQuestionMark() throws Exception {
        int before = enqueued.count();
        // The first half of an emoji, as a string cut inside it ends.
        String cut = "report \uD83D";
        transaction.begin();
        try {
            assertThatThrownBy(() -> jobs.echo(cut))
                    .isInstanceOf(JobArgumentException.class)
                    .hasMessageContaining("Argument 'marker' of job TestJobs.echo")
                    .hasMessageContaining("half of a character (the UTF-16 surrogate U+D83D without its other half)");
            assertThatThrownBy(() -> queue.options().description(cut).enqueue(() -> jobs.echo("fine")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A job description cannot contain half of a character (the UTF-16 surrogate U+D83D"
                            + " without its other half): it would be stored as \"?\".");
            assertThat(transaction.getStatus()).isEqualTo(jakarta.transaction.Status.STATUS_ACTIVE);
        } finally {
            transaction.rollback();
        }
        assertThat(enqueued.count()).isEqualTo(before);
    }

    @Test
    void objectParameterRefusesAThreadOrAStreamAtTheCallNamingTheParameterAndType() throws Exception {
        int before = enqueued.count();
        transaction.begin();
        try {
            assertThatThrownBy(() -> jobs.keep(new Thread()))
                    .isInstanceOf(JobArgumentException.class)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(
                            "Argument 'value' of job TestJobs.keep (a java.lang.Thread) cannot be stored");
            assertThatThrownBy(() -> jobs.keep(new ByteArrayInputStream(new byte[] {1, 2})))
                    .isInstanceOf(JobArgumentException.class)
                    .hasMessageStartingWith(
                            "Argument 'value' of job TestJobs.keep (a java.io.ByteArrayInputStream) cannot be stored");
            assertThatThrownBy(() -> queue.options().enqueue(() -> jobs.keep(new Thread())))
                    .isInstanceOf(JobArgumentException.class);
            assertThat(transaction.getStatus()).isEqualTo(jakarta.transaction.Status.STATUS_ACTIVE);
        } finally {
            transaction.rollback();
        }
        assertThat(enqueued.count()).as("nothing stored").isEqualTo(before);
    }

    @Test
    void objectParameterTakesWhatComesBackAsItselfAndTheJobReceivesIt() {
        String text = "kept-" + UUID.randomUUID();
        UUID uuid = queue.options().enqueue(() -> jobs.keep(text));

        QueueJob done = await().atMost(Duration.ofSeconds(20))
                .until(() -> query.find(uuid).orElseThrow(), job -> job.state() == JobState.DONE);
        assertThat(done.result()).isEqualTo("java.lang.String:" + text);
    }

    @Test
    void performEnqueuedJobsRunsEachJobInATransactionOfItsOwn() throws Exception {
        String name = "Trapped-" + UUID.randomUUID();
        try (JobsTrap trap = queue.trapJobs()) {
            jobs.register(name);
            transaction.begin();
            try {
                // The test's own transaction is suspended: the job commits on its own, as on a worker.
                trap.performEnqueuedJobs();
            } finally {
                transaction.rollback();
            }
        }

        assertThat(customers.exists(name)).as("the job's write, committed").isTrue();
    }

    @Test
    void jobThatFailsInPerformEnqueuedJobsIsRolledBackAndItsExceptionComesOut() {
        String name = "Refused-" + UUID.randomUUID();
        try (JobsTrap trap = queue.trapJobs()) {
            jobs.registerThenFail(name);

            assertThatThrownBy(trap::performEnqueuedJobs)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Refused " + name);
        }

        assertThat(customers.exists(name)).as("the failed job's write").isFalse();
    }

    @Test
    void callSiteOptionsWinOverTheAnnotation() {
        Instant before = Instant.now();

        UUID uuid = queue.options()
                .priority(3)
                .channel("mail")
                .description("Custom description")
                .maxRetries(7)
                .eta(Duration.ofHours(1))
                .enqueue(() -> jobs.store("options-" + UUID.randomUUID()));

        QueueJob job = query.find(uuid).orElseThrow();
        assertThat(job.priority()).isEqualTo(3);
        assertThat(job.channel()).isEqualTo("root.mail");
        assertThat(job.description()).isEqualTo("Custom description");
        assertThat(job.maxRetries()).isEqualTo(7);
        assertThat(job.eta())
                .isBetween(before.plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(1)));
        assertThat(job.state()).isEqualTo(JobState.PENDING);
    }

    @Test
    void enqueueWithOptionsStoresNothingUnlessTheLambdaMakesExactlyOneJobCall() {
        int before = enqueued.count();

        assertThatThrownBy(() -> queue.options().priority(1).enqueue(() -> {
                    jobs.store("first");
                    jobs.store("second");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The lambda given to enqueue(...) must call exactly one @Job method; it called 2. "
                        + "Nothing was stored.");
        assertThatThrownBy(() -> queue.options().enqueue(() -> {})).hasMessageContaining("it called 0");
        assertThat(enqueued.count()).isEqualTo(before);
    }

    @Test
    void trapKeepsJobsForTheTestAndRunsThemWhenAsked() {
        String marker = "trapped-" + UUID.randomUUID();
        int before = enqueued.count();

        try (JobsTrap trap = queue.trapJobs()) {
            jobs.echo(marker);
            queue.options().priority(3).enqueue(() -> jobs.store(marker));

            trap.assertJobsCount(2);
            trap.assertJobsCount(1, () -> jobs.echo("any arguments"));
            trap.assertEnqueued(() -> jobs.echo(marker));
            trap.assertEnqueued(() -> jobs.store(marker), Map.of("priority", 3, "channel", "root"));
            assertThat(log.runs(marker)).isZero();

            trap.performEnqueuedJobs();

            assertThat(log.runs(marker)).isEqualTo(2);
            trap.assertJobsCount(0);
        }
        assertThat(enqueued.count()).as("nothing stored").isEqualTo(before);
    }

    /**
     * The trap answers as storing would: a duplicate key gives back the job that holds it (it gave the uuid of the
     * dropped job, found nowhere), a graph with a held key keeps none of its jobs, and a graph refused for a key
     * repeated in it leaves nothing behind (its first jobs stayed in the trap, to be run by the test).
     */
    @Test
    void theTrapAnswersAsStoringWould_duplicatesGiveTheHolder_andRefusedOrHeldGraphsKeepNothing() {
        String key = "trapped-key-" + UUID.randomUUID();
        try (JobsTrap trap = queue.trapJobs()) {
            UUID first = queue.options().identityKey(key).enqueue(() -> jobs.echo("first"));
            UUID again = queue.options().identityKey(key).enqueue(() -> jobs.echo("again"));

            assertThat(again).as("the uuid given for the duplicate").isEqualTo(first);
            trap.assertJobsCount(1);

            Delayable held = queue.options().identityKey(key).delayable(() -> jobs.echo("held"));
            Delayable free = queue.delayable(() -> jobs.echo("free"));
            held.onDone(free).delay();
            assertThat(held.uuid()).as("the node whose key is held").contains(first);
            assertThat(free.uuid()).as("the node beside it, not kept").isEmpty();
            trap.assertJobsCount(1);

            String repeated = "repeated-" + UUID.randomUUID();
            Delayable graph = queue.chain(
                    queue.delayable(() -> jobs.echo("before")),
                    queue.options().identityKey(repeated).delayable(() -> jobs.echo("one")),
                    queue.options().identityKey(repeated).delayable(() -> jobs.echo("two")));
            assertThatThrownBy(graph::delay).hasMessageContaining("same identity key");
            trap.assertJobsCount(1);
        }
    }

    @Test
    void failedTrapAssertionListsTheJobsThatWereEnqueued() {
        try (JobsTrap trap = queue.trapJobs()) {
            jobs.echo("a");

            assertThatThrownBy(() -> trap.assertEnqueued(() -> jobs.echo("b"), Map.of("priority", 1)))
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Job TestJobs.echo(b) with properties (priority=1) was not enqueued.\n"
                            + "Actual enqueued jobs:\n"
                            + " * TestJobs.echo(a) with properties (priority=10, eta=null, max_retries=5, "
                            + "description=Echo a marker, channel=root, identity_key=null)");
        }
    }

    @Test
    void oversizedArgumentsFailAtEnqueueWithTheLimit() {
        String big = "x".repeat(20_000);

        assertThatThrownBy(() -> jobs.store(big))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("TestJobs.store")
                .hasMessageContaining("over the limit of 10,000");
    }
}
