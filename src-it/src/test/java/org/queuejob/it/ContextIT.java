package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.api.JobQueue;
import org.queuejob.application.JobQueryService;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.it.jobs.TenantValue;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.jobs.UserTimeZoneValue;
import org.queuejob.it.support.TestDeployments;

/** The enqueuing caller's allow-listed context values are there again when the job runs, on another thread. */
@ExtendWith(ArquillianExtension.class)
class ContextIT {

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("context-it");
    }

    @Inject
    JobQueue queue;

    @Inject
    TestJobs jobs;

    @Inject
    JobQueryService query;

    @AfterEach
    void clearThisThreadsValues() {
        TenantValue.set(null);
        UserTimeZoneValue.set(null);
    }

    @Test
    void anApplicationsValueIsCapturedAtEnqueueAndRestoredAroundTheRun() {
        TenantValue.set("acme");

        UUID uuid = queue.enqueue(() -> jobs.contextReport());

        assertThat(resultOf(uuid)).endsWith("|acme (restored: acme)");
    }

    @Test
    void anApplicationsValueReplacesTheBuiltInOneOfTheSameKey() {
        UserTimeZoneValue.set("Pacific/Auckland");

        UUID uuid = queue.enqueue(() -> jobs.contextReport());

        assertThat(resultOf(uuid)).contains("|Pacific/Auckland|");
    }

    @Test
    void theCallersLocaleIsCarriedAndMissingValuesStayEmpty() {
        UUID uuid = queue.enqueue(() -> jobs.contextReport());

        // No Faces view here, so the server's default locale; no tenant and no user time zone were set.
        assertThat(resultOf(uuid)).isEqualTo(Locale.getDefault().toLanguageTag() + "|-|- (restored: -)");
    }

    @Test
    void onlyAllowListedValuesAreStored() {
        TenantValue.set("globex");

        UUID uuid = queue.options().eta(Duration.ofHours(1)).enqueue(() -> jobs.contextReport());

        String stored = query.find(uuid).orElseThrow().context();
        try (JsonReader reader = Json.createReader(new StringReader(stored))) {
            assertThat(reader.readObject())
                    .isEqualTo(Json.createObjectBuilder()
                            .add("locale", Locale.getDefault().toLanguageTag())
                            .add("tenant", "globex")
                            .build());
        }
    }

    private String resultOf(UUID uuid) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> query.find(uuid).map(QueueJob::state).orElseThrow() == JobState.DONE);
        return query.find(uuid).orElseThrow().result();
    }
}
