package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.api.JobQueue;
import org.queuejob.application.InvalidSettingException;
import org.queuejob.application.JobFunctionService;
import org.queuejob.application.JobFunctionView;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.server.FunctionReach;
import org.queuejob.it.jobs.ExecutionLog;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.support.DatabaseRows;
import org.queuejob.it.support.TestDeployments;

/** Job-function records: the code's defaults, staff's edits winning over them, and the original's messages. */
@ExtendWith(ArquillianExtension.class)
class JobFunctionsIT {

    private static final String EDITABLE = TestJobs.class.getName() + ".editable";
    private static final String RELATED = TestJobs.class.getName() + ".related";
    private static final Duration LATER = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    /** A public method of a job bean that is not a {@code @Job}: a row naming it must never make it run. */
    private static final String NOT_A_JOB = TestJobs.class.getName() + ".notAJob";

    /** A function another deployment registered, which no server running now has (a rolling deploy). */
    private static final String ELSEWHERE = "org.queuejob.it.elsewhere.OtherDeployment.run";

    /**
     * A job row as someone writes it with SQL: pending in root, created a minute ago, so that it comes before any job
     * enqueued by the test in dispatch order.
     */
    private static UUID storeByHand(String function, String marker) {
        UUID uuid = UUID.randomUUID();
        DatabaseRows.execute("""
                INSERT INTO queue_job (id, uuid, description, job_function, arguments, state, priority, retry,
                                       max_retries, channel, date_created)
                VALUES (nextval('queue_job_seq'), CAST(? AS uuid), 'Written by hand', ?, CAST(? AS jsonb), 'pending',
                        10, 0, 5, 'root', now() - interval '1 minute')""", uuid.toString(), function, "[\"" + marker + "\"]");
        return uuid;
    }

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("job-functions-it");
    }

    @Inject
    JobFunctionService functions;

    @Inject
    JobQueue queue;

    @Inject
    TestJobs jobs;

    @Inject
    JobQueryService query;

    @Inject
    ExecutionLog log;

    @AfterEach
    void restoreTheCodesDefaults() {
        functions.edit(EDITABLE, "", "", "");
        functions.edit(RELATED, "", "", "");
    }

    @Test
    void everyJobMethodHasARecordWithItsAnnotationsDefaults() {
        assertThat(function(TestJobs.class.getName() + ".serial").channel()).isEqualTo("root.serial");
        assertThat(function(TestJobs.class.getName() + ".patterned").retryPattern())
                .isEqualTo("{1: 5, 2: (7, 9)}");
        assertThat(function(RELATED).relatedAction())
                .isEqualTo("{\"enable\":true,\"func_name\":\"openCustomer\",\"kwargs\":{}}");
        assertThat(function(EDITABLE).editedChannel()).isNull();
        assertThat(function(EDITABLE).deployedHere()).isTrue();
    }

    @Test
    void anEditedChannelIsWhereNewJobsGoUntilTheEditIsCleared() {
        functions.edit(EDITABLE, "edited.channel", "", "");

        UUID edited = queue.options().eta(LATER).enqueue(() -> jobs.editable("edited-channel"));
        functions.edit(EDITABLE, "", "", "");
        UUID restored = queue.options().eta(LATER).enqueue(() -> jobs.editable("default-channel"));

        assertThat(job(edited).channel()).isEqualTo("root.edited.channel");
        assertThat(job(restored).channel()).isEqualTo("root");
        assertThat(function(EDITABLE).editedChannel()).isNull();
    }

    @Test
    void anEditedRetryPatternDecidesWhenTheNextTryIs() {
        functions.edit(EDITABLE, "", "{1: 3600}", "");

        Instant before = Instant.now();
        UUID uuid = queue.enqueue(() -> jobs.editable("edited-pattern"));

        await().atMost(Duration.ofSeconds(30)).until(() -> job(uuid).retry() == 1);
        assertThat(job(uuid).eta())
                .isBetween(before.plusSeconds(3600), Instant.now().plusSeconds(3600));
    }

    @Test
    void aMalformedRetryPatternIsRefusedWithTheOriginalsMessageAndNothingChanges() {
        assertThatThrownBy(() -> functions.edit(EDITABLE, "somewhere", "{1: soon}", ""))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Unexpected format of Retry Pattern for " + EDITABLE + ".\nExample of valid formats:\n"
                        + "{1: 300, 5: 600, 10: 1200, 15: 3000}\n"
                        + "{1: (1, 10), 5: (11, 20), 10: (21, 30), 15: (100, 300)}");
        assertThat(function(EDITABLE).editedChannel()).isNull();
    }

    @Test
    void aMalformedRelatedActionIsRefusedWithTheOriginalsMessage() {
        assertThatThrownBy(() -> functions.edit(RELATED, "", "", "{\"enable\": true, \"method\": \"x\"}"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("Unexpected format of Related Action for " + RELATED + ".\nExample of valid format:\n"
                        + "{\"enable\": true, \"func_name\": \"related_action_foo\", \"kwargs\": {\"limit\": 10}}");
    }

    @Test
    void aRelatedActionNamingNoBeanIsRefused() {
        assertThatThrownBy(() -> functions.edit(RELATED, "", "", "{\"func_name\": \"System.exit\"}"))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("No related action named 'System.exit'");
    }

    @Test
    void theRelatedActionLeadsWhereItsBeanSaysWithTheRecordsKwargs() {
        UUID ada = queue.options().eta(LATER).enqueue(() -> jobs.related("ada"));

        assertThat(functions.relatedActionTarget(ada)).contains(URI.create("/customers/ada"));

        functions.edit(RELATED, "", "", "{\"func_name\": \"openCustomer\", \"kwargs\": {\"prefix\": \"/crm\"}}");
        assertThat(functions.relatedActionTarget(ada)).contains(URI.create("/crm/customers/ada"));

        functions.edit(RELATED, "", "", "{\"enable\": false, \"func_name\": \"openCustomer\"}");
        assertThat(functions.relatedActionTarget(ada)).isEmpty();
        assertThat(functions.hasRelatedAction(RELATED)).isFalse();
    }

    @Test
    void aRelatedActionWithNothingToOpenGivesNoTarget() {
        UUID nobody = queue.options().eta(LATER).enqueue(() -> jobs.related(" "));

        assertThat(functions.relatedActionTarget(nobody)).isEmpty();
        assertThat(functions.relatedActionTarget(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aRowNamingAMethodThatIsNotAJobFailsAtOnceWithoutBeingRun() {
        String marker = "not-a-job-" + UUID.randomUUID();

        UUID uuid = storeByHand(NOT_A_JOB, marker);

        QueueJob failed = await().atMost(TIMEOUT).until(() -> job(uuid), job -> job.state() == JobState.FAILED);
        assertThat(failed.excMessage())
                .isEqualTo("Unknown job function " + NOT_A_JOB + ": no deployment has registered a @Job method of that "
                        + "name, so the job was not run. Cancel it, or requeue it once a deployment has that method.");
        assertThat(failed.retry()).as("tries").isZero();
        assertThat(failed.dateStarted()).isNull();
        assertThat(log.runs(marker)).as("runs of the method named").isZero();
        assertThat(query.reachOf(NOT_A_JOB)).isEqualTo(FunctionReach.NONE);
    }

    @Test
    void aJobOfAFunctionOnlyAnotherDeploymentRegisteredWaitsForAServerThatHasIt() {
        DatabaseRows.execute(
                "INSERT INTO queue_job_function (name, default_channel, registered_at) VALUES (?, 'root', now())",
                ELSEWHERE);
        UUID waiting = storeByHand(ELSEWHERE, "elsewhere");
        try {
            String marker = "after-" + UUID.randomUUID();
            UUID after = queue.enqueue(() -> jobs.echo(marker));

            // The later job of the same channel ran: the dispatcher went past the waiting one and left it pending.
            await().atMost(TIMEOUT).until(() -> job(after).state() == JobState.DONE);
            assertThat(job(waiting).state()).isEqualTo(JobState.PENDING);
            assertThat(job(waiting).excMessage()).isNull();
            assertThat(query.reachOf(ELSEWHERE)).isEqualTo(FunctionReach.NONE);
            assertThat(function(ELSEWHERE).reach()).isEqualTo(FunctionReach.NONE);
            String echo = TestJobs.class.getName() + ".echo";
            assertThat(query.reachOf(echo).runnable()).isTrue();
            assertThat(function(echo).reach()).isEqualTo(query.reachOf(echo));
        } finally {
            DatabaseRows.execute("DELETE FROM queue_job WHERE uuid = CAST(? AS uuid)", waiting.toString());
            DatabaseRows.execute("DELETE FROM queue_job_function WHERE name = ?", ELSEWHERE);
        }
    }

    private JobFunctionView function(String name) {
        return functions.find(name).orElseThrow();
    }

    private QueueJob job(UUID uuid) {
        return query.find(uuid).orElseThrow();
    }
}
