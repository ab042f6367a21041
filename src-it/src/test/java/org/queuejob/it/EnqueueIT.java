package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.api.JobArgumentException;
import org.queuejob.application.JobQueryService;
import org.queuejob.it.jobs.EnqueuedJobs;
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
    void oversizedArgumentsFailAtEnqueueWithTheLimit() {
        String big = "x".repeat(20_000);

        assertThatThrownBy(() -> jobs.store(big))
                .isInstanceOf(JobArgumentException.class)
                .hasMessageContaining("TestJobs.store")
                .hasMessageContaining("over the limit of 10,000");
    }
}
