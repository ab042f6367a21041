package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.api.JobCall;
import org.queuejob.api.JobDone;
import org.queuejob.api.JobFailed;
import org.queuejob.api.JobQueue;
import org.queuejob.api.JobRetried;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.RunCutShort;
import org.queuejob.infrastructure.persistence.CutShortRuns;
import org.queuejob.infrastructure.persistence.QueueStore;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.ops.OutcomeObserver;
import org.queuejob.it.ops.ProgressJobs;
import org.queuejob.it.support.DatabaseRows;
import org.queuejob.it.support.TestDeployments;

/**
 * What the queue tells about each job's outcome: the CDI events JobDone, JobFailed and JobRetried, fired only after
 * the outcome committed (a synchronous observer already sees it through another connection), delivered to
 * asynchronous observers too; the progress a running job reports, seen while it runs and kept with its outcome; and the
 * job's uuid and function on every log record it writes.
 */
@ExtendWith(ArquillianExtension.class)
class JobOutcomesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("job-outcomes-it").addClasses(OutcomeObserver.class, ProgressJobs.class);
    }

    @Inject
    TestJobs jobs;

    @Inject
    ProgressJobs progressJobs;

    @Inject
    OutcomeObserver observer;

    @Inject
    JobQueue queue;

    @Inject
    JobQueryService query;

    @Inject
    QueueStore store;

    @Test
    void jobDone_isFiredAfterTheDoneMarkCommitted_toSyncAndAsyncObservers() {
        String marker = "done-" + UUID.randomUUID();
        UUID uuid = queue.enqueue(() -> jobs.echo(marker));

        await().atMost(TIMEOUT).until(() -> observer.of(uuid).size() == 2);

        List<OutcomeObserver.Seen> seen = observer.of(uuid);
        OutcomeObserver.Seen sync =
                seen.stream().filter(s -> !s.async()).findFirst().orElseThrow();
        assertThat(sync.event()).isInstanceOf(JobDone.class);
        assertThat(sync.committedState())
                .as("state seen by another connection in the observer")
                .isEqualTo("done");
        JobDone done = (JobDone) sync.event();
        assertThat(done.jobFunction()).isEqualTo(TestJobs.class.getName() + ".echo");
        assertThat(done.attempt()).isEqualTo(1);
        assertThat(done.endedAt()).isAfterOrEqualTo(done.startedAt());
        assertThat(seen.stream()
                        .filter(OutcomeObserver.Seen::async)
                        .findFirst()
                        .orElseThrow()
                        .event())
                .isEqualTo(done);
    }

    @Test
    void jobFailed_carriesTheException_andComesAfterTheFailureCommitted() {
        String marker = "failed-" + UUID.randomUUID();
        UUID uuid = queue.enqueue(() -> jobs.explode(marker));

        await().atMost(TIMEOUT).until(() -> observer.of(uuid).size() == 2);

        OutcomeObserver.Seen sync =
                observer.of(uuid).stream().filter(s -> !s.async()).findFirst().orElseThrow();
        JobFailed failed = (JobFailed) sync.event();
        assertThat(sync.committedState()).isEqualTo("failed");
        assertThat(failed.exceptionName()).isEqualTo(IllegalArgumentException.class.getName());
        assertThat(failed.message()).isEqualTo("Boom <b>" + marker + "</b>");
        assertThat(failed.channel()).isEqualTo("root");
    }

    @Test
    void jobRetried_isFiredForEachRetry_thenJobFailedWhenRetriesRunOut() {
        String marker = "retried-" + UUID.randomUUID();
        UUID uuid = queue.enqueue(() -> jobs.notYet(marker));

        await().atMost(TIMEOUT).until(() -> observer.of(uuid).stream().anyMatch(s -> s.event() instanceof JobFailed));

        List<OutcomeObserver.Seen> sync =
                observer.of(uuid).stream().filter(s -> !s.async()).toList();
        assertThat(sync)
                .extracting(s -> s.event().getClass().getSimpleName())
                .containsExactly("JobRetried", "JobFailed");
        assertThat(sync.get(0).committedState()).isEqualTo("pending");
        assertThat(((JobRetried) sync.get(0).event()).message()).isEqualTo("Not yet: " + marker);
        assertThat(((JobFailed) sync.get(1).event()).attempt()).isEqualTo(2);
    }

    /**
     * A server that dies leaves its jobs held, as enqueued or (run for over a second) started; the leader's rescue
     * takes them back. Before, a started job went back uncounted, so one that crashed its server ran again on the next
     * and crashed it too, for ever.
     */
    @Test
    void aRunCutShortByItsServersDeath_countsItsTry_andTheTryReachingMaxRetriesFailsTheJob_toldAsEveryFailure() {
        String gone = "crashed@host/" + UUID.randomUUID();
        UUID lastTry = heldBy(gone, "started", 1, 2);
        UUID triesLeft = heldBy(gone, "started", 0, 2);
        UUID notStarted = heldBy(gone, "enqueued", 0, 1);

        await().atMost(TIMEOUT)
                .until(() -> observer.of(lastTry).size() == 2
                        && observer.of(triesLeft).size() == 2
                        && observer.of(notStarted).size() == 2);

        assertThat(DatabaseRows.rows(
                        "SELECT state, retry, exc_name, exc_message, worker, date_started IS NOT NULL"
                                + " FROM queue_job WHERE uuid = ?",
                        lastTry))
                .containsExactly(List.of(
                        "failed",
                        "2",
                        RunCutShort.EXCEPTION_NAME,
                        "Max. retries (2) reached: the server running it (" + gone + ") stopped before the job ended",
                        gone,
                        "t"));
        OutcomeObserver.Seen failure = observer.of(lastTry).stream()
                .filter(s -> !s.async())
                .findFirst()
                .orElseThrow();
        assertThat(failure.committedState()).isEqualTo("failed");
        JobFailed failed = (JobFailed) failure.event();
        assertThat(failed.attempt()).isEqualTo(2);
        assertThat(failed.exceptionName()).isEqualTo(RunCutShort.EXCEPTION_NAME);
        assertThat(failed.jobFunction()).isEqualTo(TestJobs.class.getName() + ".echo");

        assertThat(DatabaseRows.rows("SELECT state, retry FROM queue_job WHERE uuid = ?", triesLeft))
                .as("the try cut short, then the one that ran")
                .containsExactly(List.of("done", "2"));
        assertThat(((JobDone) observer.of(triesLeft).get(0).event()).attempt()).isEqualTo(2);
        assertThat(DatabaseRows.rows("SELECT state, retry FROM queue_job WHERE uuid = ?", notStarted))
                .as("a job still enqueued may never have started: its try is not counted, even at max retries 1")
                .containsExactly(List.of("done", "1"));
    }

    /**
     * A job a dead server held still enqueued may have waited in its buffer, or may have taken the server down within
     * its first second, before the server marked it started: it goes back uncounted, but its next run is marked started
     * before it begins, so that a crash then counts (the rescue of a started job, above). Before, such a job went back
     * uncounted and unmarked after every crash, for ever. A job never taken back still sees itself enqueued as it runs.
     */
    @Test
    void aJobTakenBackUnstarted_isNotCounted_andItsNextRunIsMarkedStartedBeforeItBegins() {
        String gone = "crashed-early@host/" + UUID.randomUUID();
        UUID takenBack = heldBy(gone, "enqueued", 0, 3, () -> jobs.ownState());
        UUID neverTakenBack = queue.enqueue(() -> jobs.ownState());

        await().atMost(TIMEOUT)
                .until(() -> observer.of(takenBack).size() == 2
                        && observer.of(neverTakenBack).size() == 2);

        assertThat(DatabaseRows.rows(
                        "SELECT state, retry, taken_back_unstarted, result FROM queue_job WHERE uuid = ?", takenBack))
                .as("its one try counted (not the one cut short), taken back once, its own row started as it ran")
                .containsExactly(List.of("done", "1", "1", "started"));
        assertThat(DatabaseRows.rows(
                        "SELECT state, taken_back_unstarted, result FROM queue_job WHERE uuid = ?", neverTakenBack))
                .as("an ordinary run is marked a second after it began, so a quick one never sees the mark")
                .containsExactly(List.of("done", "0", "enqueued"));
    }

    /**
     * A server that starts again under the name it crashed with takes back what it held then. The server here is a
     * record that counts as alive (no liveness key, a fresh heartbeat) and quiet, so that the leader neither rescues
     * its jobs nor hands it any while the test takes them back as its start would.
     */
    @Test
    void aServerStartingAgainAfterItsCrash_countsTheTryOfEachJobItHadStarted() {
        String restarting = "restarting@host/" + UUID.randomUUID();
        DatabaseRows.execute(
                "INSERT INTO queue_job_instance (name, started_at, heartbeat_at, workers, held_limit, functions,"
                        + " quiet_since) VALUES (?, now(), now(), 1, 1, '{}', now())",
                restarting);
        try {
            UUID lastTry = heldBy(restarting, "started", 2, 3);
            UUID triesLeft = heldBy(restarting, "started", 0, 3);
            UUID notStarted = heldBy(restarting, "enqueued", 0, 3);
            // Due in an hour once pending again, so that this server does not run them before they are read here.
            DatabaseRows.execute(
                    "UPDATE queue_job SET eta = now() + interval '1 hour' WHERE worker = ? AND state <> 'failed'",
                    restarting);

            CutShortRuns.TakenBack takenBack = store.takeBackLeftByPreviousRun(restarting, Instant.now());

            assertThat(takenBack.byServer()).containsExactly(Map.entry(restarting, 3));
            assertThat(takenBack.failed()).extracting(JobFailed::uuid).containsExactly(lastTry);
            assertThat(DatabaseRows.rows("SELECT state, retry, exc_name FROM queue_job WHERE uuid = ?", lastTry))
                    .containsExactly(List.of("failed", "3", RunCutShort.EXCEPTION_NAME));
            assertThat(DatabaseRows.rows(
                            "SELECT state, retry, result, worker FROM queue_job WHERE uuid = ?", triesLeft))
                    .containsExactly(Arrays.asList(
                            "pending",
                            "1",
                            "The server running it (" + restarting + ") stopped before the job ended; that try is"
                                    + " counted and the job is pending again",
                            null));
            assertThat(DatabaseRows.rows(
                            "SELECT state, retry, taken_back_unstarted, result FROM queue_job WHERE uuid = ?",
                            notStarted))
                    .containsExactly(List.of(
                            "pending",
                            "0",
                            "1",
                            "The server holding it (" + restarting + ") stopped before the job was seen to start;"
                                    + " that try is not counted, and from now on its runs are marked started as they"
                                    + " begin, so that a run that stops its server is counted"));
            DatabaseRows.execute("DELETE FROM queue_job WHERE uuid IN (?, ?)", triesLeft, notStarted);
        } finally {
            DatabaseRows.execute("DELETE FROM queue_job_instance WHERE name = ?", restarting);
        }
    }

    /**
     * A job of {@link TestJobs#echo} as a server that died leaves it: held by {@code worker} in {@code state}, after
     * {@code retry} tries of {@code maxRetries}. Enqueued for later first, so that no server runs it before.
     */
    private UUID heldBy(String worker, String state, int retry, int maxRetries) {
        String marker = "held-" + UUID.randomUUID();
        return heldBy(worker, state, retry, maxRetries, () -> jobs.echo(marker));
    }

    private UUID heldBy(String worker, String state, int retry, int maxRetries, JobCall call) {
        UUID uuid =
                queue.options().eta(Duration.ofHours(1)).maxRetries(maxRetries).enqueue(call);
        DatabaseRows.execute(
                "UPDATE queue_job SET state = ?, worker = ?, retry = ?, eta = NULL, date_enqueued = now(),"
                        + " date_started = CASE WHEN ? = 'started' THEN now() END WHERE uuid = ?",
                state,
                worker,
                retry,
                state,
                uuid);
        return uuid;
    }

    @Test
    void progress_isSeenWhileTheJobRuns_andKeptWithItsOutcome() {
        progressJobs.reset();
        String marker = "progress-" + UUID.randomUUID();
        UUID uuid = queue.enqueue(() -> progressJobs.importRows(marker));

        await().atMost(TIMEOUT).until(progressJobs::isHalfway);
        // The reports after the first are held back by the once-a-second throttle, then written by the trailing write.
        QueueJob running = await().atMost(TIMEOUT)
                .until(
                        () -> query.find(uuid).orElseThrow(),
                        job -> Integer.valueOf(50).equals(job.progress()));
        assertThat(running.state()).isIn(JobState.ENQUEUED, JobState.STARTED);
        assertThat(running.progressMessage()).isEqualTo("Imported 50 % of " + marker);

        progressJobs.release();
        QueueJob done = await().atMost(TIMEOUT)
                .until(() -> query.find(uuid).orElseThrow(), job -> job.state() == JobState.DONE);
        assertThat(done.progress()).isEqualTo(99);
        assertThat(done.progressMessage()).isEqualTo("Almost done with " + marker);

        String broken = "broken-" + UUID.randomUUID();
        UUID failing = queue.enqueue(() -> progressJobs.failHalfway(broken));
        QueueJob failed = await().atMost(TIMEOUT)
                .until(() -> query.find(failing).orElseThrow(), job -> job.state() == JobState.FAILED);
        assertThat(failed.progress()).isEqualTo(40);
        assertThat(failed.progressMessage()).isEqualTo("Read 40 % of " + broken);
    }

    /** The driver writes half a character as "?": the message would be stored changed, "xxx…x?…". */
    @Test
    void aProgressMessageCutToTheColumnKeepsWholeCharacters_theEmojiAtTheCutGoesWhole() {
        UUID uuid = queue.enqueue(() -> progressJobs.reportPastTheColumn("cut-" + UUID.randomUUID()));

        QueueJob done = await().atMost(TIMEOUT)
                .until(() -> query.find(uuid).orElseThrow(), job -> job.state() == JobState.DONE);

        assertThat(done.progress()).isEqualTo(10);
        assertThat(done.progressMessage()).isEqualTo("x".repeat(253) + "\u2026");
    }

    @Test
    void logRecordsWrittenByAJob_carryItsUuidAndFunction() {
        progressJobs.reset();
        progressJobs.release();
        String marker = "logged-" + UUID.randomUUID();
        UUID uuid = queue.enqueue(() -> progressJobs.importRows(marker));

        Path log = serverLog();
        String expected = "[job " + uuid + " " + ProgressJobs.class.getName() + ".importRows]";
        String line =
                await().atMost(TIMEOUT).until(() -> lineWith(log, "Importing rows for " + marker), l -> l != null);
        assertThat(line).contains(expected);
    }

    /** Runs in the server: WildFly's log directory, or Payara's instance's. */
    private static Path serverLog() {
        String wildFly = System.getProperty("jboss.server.log.dir");
        return wildFly != null
                ? Path.of(wildFly, "server.log")
                : Path.of(System.getProperty("com.sun.aas.instanceRoot"), "logs", "server.log");
    }

    private static String lineWith(Path log, String text) throws IOException {
        // Payara's ODL records may span lines and start with '[': find the record's text and look at the record
        // around it. WildFly's records are one line each.
        String content = Files.readString(log, StandardCharsets.UTF_8);
        int at = content.indexOf(text);
        if (at < 0) {
            return null;
        }
        int start = content.lastIndexOf(System.getProperty("jboss.server.log.dir") != null ? "\n" : "\n[", at);
        return content.substring(Math.max(0, start), Math.min(content.length(), at + text.length()));
    }
}
