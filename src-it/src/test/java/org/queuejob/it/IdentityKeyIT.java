package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.queuejob.it.support.DatabaseCounts.count;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.api.JobQueue;
import org.queuejob.it.jobs.Gate;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.support.TestDeployments;

/** While a job with an identity key waits, the same key gets that job back instead of a new one. */
@ExtendWith(ArquillianExtension.class)
class IdentityKeyIT {

    /** Jobs here wait an hour, so they stay waiting for the whole test. */
    private static final Duration LATER = Duration.ofHours(1);

    /** Read-only checks of what the database holds. */
    private static final String JOBS_WITH_KEY = "SELECT count(*) FROM queue_job WHERE identity_key = ?";

    private static final String PENDING_WITH_KEY =
            "SELECT count(*) FROM queue_job WHERE identity_key = ? AND state = 'pending' AND worker IS NULL";

    private static final String PENDING_WITH_UUID =
            "SELECT count(*) FROM queue_job WHERE uuid = CAST(? AS uuid) AND state = 'pending' AND worker IS NULL";

    private static final String DONE_WITH_UUID =
            "SELECT count(*) FROM queue_job WHERE uuid = CAST(? AS uuid) AND state = 'done'";

    private static final String SESSIONS_WAITING_ON_A_LOCK =
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = 'advisory'"
                    + " AND query LIKE 'SELECT pg_advisory_xact_lock%'";

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("identity-key-it");
    }

    @Inject
    JobQueue queue;

    @Inject
    TestJobs jobs;

    @Inject
    Gate gate;

    @Inject
    UserTransaction transaction;

    @Test
    void sameKeyWhileTheFirstJobWaitsReturnsTheWaitingJob() throws Exception {
        String key = "key-" + UUID.randomUUID();

        UUID first = queue.options().identityKey(key).eta(LATER).enqueue(() -> jobs.store("one"));
        UUID second = queue.options().identityKey(key).eta(LATER).enqueue(() -> jobs.store("two"));

        assertThat(second).isEqualTo(first);
        assertThat(count(JOBS_WITH_KEY, key)).isEqualTo(1);
    }

    @Test
    void identityExactTellsCallsApartByTheirArguments() {
        String argument = "exact-" + UUID.randomUUID();
        JobQueue.Options exact = queue.options().identityExact().eta(LATER);

        UUID first = exact.enqueue(() -> jobs.store(argument));
        UUID same = exact.enqueue(() -> jobs.store(argument));
        UUID other = exact.enqueue(() -> jobs.store(argument + "-other"));

        assertThat(same).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void identityKeyComputedFromTheJobDeduplicatesWhatItSaysIsTheSame() {
        String tag = "computed-" + UUID.randomUUID();
        // The key ignores the priority: the same call at another priority is the same job.
        JobQueue.Options byArguments =
                queue.options().identityKey(job -> tag + job.arguments()).eta(LATER);

        UUID first = byArguments.priority(5).enqueue(() -> jobs.store("same"));
        UUID same = byArguments.priority(1).enqueue(() -> jobs.store("same"));
        UUID other = byArguments.enqueue(() -> jobs.store("other"));

        assertThat(same).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(count(JOBS_WITH_KEY, tag + "[\"same\"]")).isEqualTo(1);
    }

    /**
     * A job a server holds may be running, so a call with its key is not its duplicate; and when the held job then
     * goes back to pending (a retry, a rescue), both wait: the newer one is not swallowed and the retry does not
     * fail on the key.
     */
    @Test
    void aJobHeldByAServerIsNoTwinAndItsRetryWaitsBesideTheNewerJob() {
        String key = "held-" + UUID.randomUUID();
        gate.reset();
        UUID held = queue.options().identityKey(key).enqueue(() -> jobs.retryLaterAtTheGate("held"));
        await().atMost(Duration.ofSeconds(20)).until(gate::isReached);

        UUID newer = queue.options().identityKey(key).eta(LATER).enqueue(() -> jobs.store("newer"));
        gate.open();

        assertThat(newer).isNotEqualTo(held);
        await().atMost(Duration.ofSeconds(20)).until(() -> count(PENDING_WITH_KEY, key) == 2);
        assertThat(count(JOBS_WITH_KEY, key)).isEqualTo(2);
    }

    @Test
    void twoConcurrentTransactionsWithTheSameKeyCreateOneJob() throws Exception {
        String key = "race-" + UUID.randomUUID();
        JobQueue.Options options = queue.options().identityKey(key).eta(LATER);
        ManagedThreadFactory threads = InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        CountDownLatch firstStored = new CountDownLatch(1);
        CompletableFuture<UUID> first = new CompletableFuture<>();
        CompletableFuture<UUID> second = new CompletableFuture<>();

        threads.newThread(() -> inTransaction(first, () -> {
                    UUID uuid = options.enqueue(() -> jobs.store("first"));
                    firstStored.countDown();
                    // Commit only once the other transaction waits for this one's lock on the key.
                    await().atMost(Duration.ofSeconds(20)).until(() -> count(SESSIONS_WAITING_ON_A_LOCK, null) > 0);
                    return uuid;
                }))
                .start();
        threads.newThread(() -> inTransaction(second, () -> {
                    firstStored.await(20, TimeUnit.SECONDS);
                    return options.enqueue(() -> jobs.store("second"));
                }))
                .start();

        assertThat(second.get(30, TimeUnit.SECONDS)).isEqualTo(first.get(30, TimeUnit.SECONDS));
        assertThat(count(JOBS_WITH_KEY, key)).isEqualTo(1);
    }

    /**
     * The waiting job a call is given stands for that call: it must not start before the caller's transaction ends,
     * or it would run without the caller's changes, and no job would be left to see them.
     */
    @Test
    void theWaitingJobACallIsGiven_doesNotStartBeforeTheCallersTransactionEnds() throws Exception {
        String key = "joined-" + UUID.randomUUID();
        UUID waiting =
                queue.options().identityKey(key).eta(Duration.ofSeconds(2)).enqueue(() -> jobs.store(key));

        transaction.begin();
        try {
            assertThat(queue.options().identityKey(key).enqueue(() -> jobs.store(key + "-again")))
                    .isEqualTo(waiting);
            // Due two seconds after it was stored, and looked for every 200 ms: unlocked, it would be handed out now.
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> count(PENDING_WITH_UUID, waiting.toString()) == 1);
            transaction.commit();
        } finally {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> count(DONE_WITH_UUID, waiting.toString()) == 1);
    }

    /**
     * A graph locks its keys in one order that every transaction shares: two transactions naming the same keys in
     * other orders wait for each other. In graph order, the second locked one key, waited for the other, and the
     * first then waited for the one it held: PostgreSQL ended one of them as a deadlock, and its caller's work was
     * rolled back with it.
     */
    @Test
    void twoTransactionsTakingTheSameKeysInOtherOrders_waitForEachOther_ratherThanDeadlock() throws Exception {
        String low = "order-" + UUID.randomUUID();
        String high = "order-" + UUID.randomUUID();
        if (count("SELECT hashtext(?)", low) > count("SELECT hashtext(?)", high)) {
            String swapped = low;
            low = high;
            high = swapped;
        }
        String lowKey = low;
        String highKey = high;
        ManagedThreadFactory threads = InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        CountDownLatch lowHeld = new CountDownLatch(1);
        CompletableFuture<UUID> first = new CompletableFuture<>();
        CompletableFuture<UUID> second = new CompletableFuture<>();

        threads.newThread(() -> inTransaction(first, () -> {
                    UUID single = queue.options().identityKey(lowKey).eta(LATER).enqueue(() -> jobs.store("low"));
                    lowHeld.countDown();
                    // The other transaction's graph waits for this key now; this one then takes the other key.
                    await().atMost(Duration.ofSeconds(20)).until(() -> count(SESSIONS_WAITING_ON_A_LOCK, null) > 0);
                    queue.chain(
                                    queue.options()
                                            .identityKey(highKey)
                                            .eta(LATER)
                                            .delayable(() -> jobs.store("high")),
                                    queue.options().eta(LATER).delayable(() -> jobs.store("after")))
                            .delay();
                    return single;
                }))
                .start();
        threads.newThread(() -> inTransaction(second, () -> {
                    lowHeld.await(20, TimeUnit.SECONDS);
                    queue.chain(
                                    queue.options()
                                            .identityKey(highKey)
                                            .eta(LATER)
                                            .delayable(() -> jobs.store("c")),
                                    queue.options()
                                            .identityKey(lowKey)
                                            .eta(LATER)
                                            .delayable(() -> jobs.store("d")))
                            .delay();
                    return null;
                }))
                .start();

        assertThat(first.get(30, TimeUnit.SECONDS)).isNotNull();
        second.get(30, TimeUnit.SECONDS);
        assertThat(count(JOBS_WITH_KEY, lowKey)).as("jobs with the first key").isEqualTo(1);
        assertThat(count(JOBS_WITH_KEY, highKey)).as("jobs with the second key").isEqualTo(1);
    }

    private interface Work {
        UUID run() throws Exception;
    }

    private void inTransaction(CompletableFuture<UUID> result, Work work) {
        try {
            transaction.begin();
            UUID uuid = work.run();
            transaction.commit();
            result.complete(uuid);
        } catch (Exception | AssertionError e) {
            result.completeExceptionally(e);
        }
    }
}
