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
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.support.TestDeployments;

/** Job-function records: the code's defaults, staff's edits winning over them, and the original's messages. */
@ExtendWith(ArquillianExtension.class)
class JobFunctionsIT {

    private static final String EDITABLE = TestJobs.class.getName() + ".editable";
    private static final String RELATED = TestJobs.class.getName() + ".related";
    private static final Duration LATER = Duration.ofHours(1);

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

    private JobFunctionView function(String name) {
        return functions.find(name).orElseThrow();
    }

    private QueueJob job(UUID uuid) {
        return query.find(uuid).orElseThrow();
    }
}
