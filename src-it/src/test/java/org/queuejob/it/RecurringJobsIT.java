package org.queuejob.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.queuejob.application.InvalidSettingException;
import org.queuejob.application.JobQueryService;
import org.queuejob.application.RecurringJobRequest;
import org.queuejob.application.RecurringJobService;
import org.queuejob.application.RecurringJobView;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.recurring.MissedTicks;
import org.queuejob.domain.model.recurring.RecurringOrigin;
import org.queuejob.it.jobs.Gate;
import org.queuejob.it.jobs.TestJobs;
import org.queuejob.it.recurring.ConcurrentTicks;
import org.queuejob.it.recurring.RecurringTestJobs;
import org.queuejob.it.support.DatabaseCounts;
import org.queuejob.it.support.DatabaseRows;
import org.queuejob.it.support.TestDeployments;

/**
 * Recurring jobs on a real server and database: records of {@code @Recurring} methods written at deployment, a tick
 * claimed by several transactions at once stores one job, the missed-tick policies, refusals that name what is
 * wrong, and runs that may not overlap. Records made here tick once a year (1 January), so the server's own look-up
 * each second never fires them: the tests fire them at chosen instants.
 */
@ExtendWith(ArquillianExtension.class)
class RecurringJobsIT {

    private static final String REPORT = RecurringTestJobs.class.getName() + ".report";
    private static final String YEARLY = "0 0 6 1 1 *";
    /** A job that runs until the test opens the {@link Gate}: a previous run still going on when the next tick comes. */
    private static final String AT_THE_GATE = TestJobs.class.getName() + ".createCustomerAtTheGate";

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Deployment
    static WebArchive deployment() {
        return TestDeployments.queueJobWar("recurring-it")
                .addPackage(RecurringTestJobs.class.getPackage())
                // The arguments of RecurringTestJobs.monthly (a @Recurring method with parameters), as a JSON array.
                .addAsResource(
                        TestDeployments.configWith(
                                "queue-job.recurring." + RecurringTestJobs.MONTHLY + ".arguments=[\"eu\", 2]"),
                        "META-INF/microprofile-config.properties");
    }

    @Inject
    RecurringJobService recurring;

    @Inject
    JobQueryService query;

    @Inject
    ConcurrentTicks concurrently;

    @Inject
    Gate gate;

    private static String uniqueName(String purpose) {
        return "it-" + purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long yearlyReport(String name, MissedTicks missed) {
        return recurring.create(new RecurringJobRequest(
                name, YEARLY, "Europe/Brussels", REPORT, "[\"" + name + "\"]", "root", 3, missed, true, false));
    }

    /** A yearly record whose job waits at the gate; its runs may overlap or not. */
    private long yearlyAtTheGate(String name, boolean allowOverlap) {
        return recurring.create(new RecurringJobRequest(
                name,
                YEARLY,
                "Europe/Brussels",
                AT_THE_GATE,
                "[\"" + name + "\"]",
                null,
                null,
                MissedTicks.SKIP,
                true,
                allowOverlap));
    }

    private JobState state(UUID job) {
        return query.find(job).orElseThrow().state();
    }

    private static long jobsDescribed(String prefix) {
        return DatabaseCounts.count("SELECT count(*) FROM queue_job WHERE description LIKE ?", prefix + " · %");
    }

    private RecurringJobView view(long id) {
        return recurring.find(id).orElseThrow();
    }

    @Test
    void recurringMethodsOfTheDeployment_haveRecords_withTheirScheduleAndConfiguredArguments() {
        List<RecurringJobView> all = recurring.list();
        RecurringJobView nightly = all.stream()
                .filter(view -> view.name().equals(RecurringTestJobs.NIGHTLY))
                .findFirst()
                .orElseThrow();
        assertThat(nightly.cron()).isEqualTo("0 0 4 * * *");
        assertThat(nightly.zone()).isEqualTo("Europe/Brussels");
        assertThat(nightly.jobFunction()).isEqualTo(RecurringTestJobs.class.getName() + ".nightly");
        assertThat(nightly.origin()).isEqualTo(RecurringOrigin.CODE);
        assertThat(nightly.missed()).isEqualTo(MissedTicks.SKIP);
        assertThat(nightly.enabled()).isTrue();
        assertThat(nightly.nextRun().atZone(ZoneId.of("Europe/Brussels")).toLocalTime())
                .hasToString("04:00");
        assertThat(nightly.nextRun())
                .isAfter(Instant.now())
                .isBefore(Instant.now().plus(Duration.ofHours(25)));

        RecurringJobView monthly = all.stream()
                .filter(view -> view.name().equals(RecurringTestJobs.MONTHLY))
                .findFirst()
                .orElseThrow();
        assertThat(monthly.argumentsJson()).isEqualTo("[\"eu\",2]");
        assertThat(monthly.zone()).isEqualTo("UTC");
        assertThat(monthly.missed()).isEqualTo(MissedTicks.RUN_ONCE);

        // Declared in code: its schedule is the code's, not the back office's.
        assertThatThrownBy(() -> recurring.edit(
                        nightly.id(),
                        new RecurringJobRequest(
                                nightly.name(),
                                "0 0 5 * * *",
                                "UTC",
                                nightly.jobFunction(),
                                "[]",
                                null,
                                null,
                                null,
                                true,
                                false)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("declared in code");
    }

    @Test
    void oneTickClaimedByEightTransactionsAtOnce_storesExactlyOneJob_andMovesTheScheduleOnOnce() throws Exception {
        String name = uniqueName("race");
        long id = yearlyReport(name, MissedTicks.SKIP);
        Instant tick = view(id).nextRun();

        int stored = concurrently.fireAtOnce(id, tick.plusSeconds(1));

        assertThat(stored).isEqualTo(1);
        assertThat(jobsDescribed(name)).isEqualTo(1);
        RecurringJobView after = view(id);
        assertThat(after.lastTick()).isEqualTo(tick);
        assertThat(after.nextRun())
                .isEqualTo(ZonedDateTime.ofInstant(tick, ZoneId.of("Europe/Brussels"))
                        .plusYears(1)
                        .toInstant());
        List<List<String>> job = DatabaseRows.rows(
                "SELECT uuid::text, channel, priority::text, arguments::text, state FROM queue_job WHERE description = ?",
                name + " · tick " + tick);
        assertThat(job).hasSize(1);
        assertThat(job.get(0).get(0)).isEqualTo(after.lastJobUuid().toString());
        assertThat(job.get(0).subList(1, 4)).containsExactly("root", "3", "[\"" + name + "\"]");

        // The same tick again, later: already claimed, nothing more.
        assertThat(concurrently.fireAtOnce(id, tick.plusSeconds(2))).isZero();
        assertThat(jobsDescribed(name)).isEqualTo(1);
    }

    @Test
    void afterAnOutage_skipEnqueuesNothing_runOnceEnqueuesOneJob_andBothGoOnFromTheNextTick() {
        String skipped = uniqueName("skip");
        String caughtUp = uniqueName("run-once");
        long skip = yearlyReport(skipped, MissedTicks.SKIP);
        long runOnce = yearlyReport(caughtUp, MissedTicks.RUN_ONCE);
        Instant tick = view(skip).nextRun();
        // Three yearly ticks later (all servers "down" meanwhile), a day after the third.
        Instant now = ZonedDateTime.ofInstant(tick, ZoneId.of("Europe/Brussels"))
                .plusYears(3)
                .plusDays(1)
                .toInstant();

        assertThat(recurring.fire(skip, now)).isFalse();
        assertThat(recurring.fire(runOnce, now)).isTrue();

        assertThat(jobsDescribed(skipped)).isZero();
        assertThat(jobsDescribed(caughtUp)).isEqualTo(1);
        Instant latestMissed = now.minus(Duration.ofDays(1));
        assertThat(view(runOnce).lastTick()).isEqualTo(latestMissed);
        Instant next = ZonedDateTime.ofInstant(latestMissed, ZoneId.of("Europe/Brussels"))
                .plusYears(1)
                .toInstant();
        assertThat(view(skip).nextRun()).isEqualTo(next);
        assertThat(view(runOnce).nextRun()).isEqualTo(next);
    }

    @Test
    void malformedCronUnknownZoneUnknownFunctionAndArgumentsThatDoNotFit_areRefusedNamingThem_andNothingIsStored() {
        String name = uniqueName("refused");
        assertThatThrownBy(() -> recurring.create(new RecurringJobRequest(
                        name, "0 */5 * * *", "UTC", REPORT, "[\"eu\"]", null, null, null, true, false)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageStartingWith("The cron expression '0 */5 * * *' is not valid");
        assertThatThrownBy(() -> recurring.create(new RecurringJobRequest(
                        name, YEARLY, "Europe/Brusels", REPORT, "[\"eu\"]", null, null, null, true, false)))
                .hasMessageStartingWith("The time zone 'Europe/Brusels' is not known");
        assertThatThrownBy(() -> recurring.create(new RecurringJobRequest(
                        name, YEARLY, "UTC", "java.lang.Runtime.exit", "[0]", null, null, null, true, false)))
                .hasMessageStartingWith("No job function named 'java.lang.Runtime.exit'");
        assertThatThrownBy(() -> recurring.create(new RecurringJobRequest(
                        name, YEARLY, "UTC", REPORT, "[\"eu\", 2]", null, null, null, true, false)))
                .hasMessageContaining("takes 1 argument(s), 2 given");
        assertThatThrownBy(() -> recurring.create(new RecurringJobRequest(
                        name, YEARLY, "UTC", REPORT, "[\"eu\"]", "root..x", null, null, true, false)))
                .isInstanceOf(InvalidSettingException.class);

        assertThat(DatabaseCounts.count("SELECT count(*) FROM queue_job_recurring WHERE name = ?", name))
                .isZero();
    }

    @Test
    void aNameInUse_isRefused() {
        String name = uniqueName("twice");
        yearlyReport(name, MissedTicks.SKIP);
        assertThatThrownBy(() -> yearlyReport(name, MissedTicks.SKIP))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("A recurring job named '" + name + "' exists already: choose another name.");
    }

    @Test
    void runNow_enqueuesAJobThatRuns_leavesTheScheduleAlone_andIsTheLastRun() {
        String name = uniqueName("now");
        long id = yearlyReport(name, MissedTicks.SKIP);
        Instant nextRun = view(id).nextRun();

        UUID job = recurring.runNow(id, "alice");

        await().atMost(Duration.ofSeconds(20))
                .until(() -> query.find(job)
                        .map(found -> found.state() == JobState.DONE)
                        .orElse(false));
        assertThat(query.find(job).orElseThrow().result()).isEqualTo("report " + name);
        RecurringJobView after = view(id);
        assertThat(after.lastJobUuid()).isEqualTo(job);
        assertThat(after.lastRunBy()).isEqualTo("alice");
        assertThat(after.lastTick()).isNull();
        assertThat(after.nextRun()).isEqualTo(nextRun);
    }

    @Test
    void aDisabledRecordIsNotDue_andEnabledAgainItStartsFromTheNextTick_notCatchingUp() {
        String name = uniqueName("disabled");
        long id = yearlyReport(name, MissedTicks.RUN_ONCE);
        Instant tick = view(id).nextRun();

        recurring.disable(id);
        assertThat(view(id).nextRun()).isNull();
        assertThat(recurring.fire(id, tick.plusSeconds(1))).isFalse();
        assertThat(jobsDescribed(name)).isZero();

        recurring.enable(id);
        assertThat(view(id).nextRun()).isEqualTo(tick);
        assertThat(view(id).enabled()).isTrue();
    }

    @Test
    void aRecordCreatedByStaff_canBeEdited_andDeleted() {
        String name = uniqueName("edit");
        long id = yearlyReport(name, MissedTicks.SKIP);

        recurring.edit(
                id,
                new RecurringJobRequest(
                        name,
                        "0 15 9 * * MON",
                        "UTC",
                        REPORT,
                        "[\"us\"]",
                        "root.reports",
                        null,
                        MissedTicks.RUN_ONCE,
                        true,
                        false));

        RecurringJobView edited = view(id);
        assertThat(edited.cron()).isEqualTo("0 15 9 * * MON");
        assertThat(edited.argumentsJson()).isEqualTo("[\"us\"]");
        assertThat(edited.channel()).isEqualTo("root.reports");
        assertThat(edited.priority()).isNull();
        assertThat(edited.nextRun().atZone(ZoneId.of("UTC")).getDayOfWeek()).hasToString("MONDAY");

        recurring.delete(id);
        assertThat(recurring.find(id)).isEmpty();
    }

    @Test
    void withoutOverlap_aTickWhosePreviousRunHasNotEnded_enqueuesNothing_andSaysWhy_andTheNextTickAfterItsEndRuns() {
        String name = uniqueName("no-overlap");
        long id = yearlyAtTheGate(name, false);
        assertThat(view(id).allowOverlap()).as("the default").isFalse();
        gate.reset();
        try {
            Instant first = view(id).nextRun();
            assertThat(recurring.fire(id, first.plusSeconds(1))).isTrue();
            UUID running = view(id).lastJobUuid();
            await().atMost(TIMEOUT).until(gate::isReached);

            Instant second = view(id).nextRun();
            assertThat(recurring.fire(id, second.plusSeconds(1)))
                    .as("the tick that finds its previous run going on")
                    .isFalse();

            RecurringJobView held = view(id);
            assertThat(jobsDescribed(name)).isEqualTo(1);
            assertThat(DatabaseCounts.count(
                            "SELECT count(*) FROM queue_job WHERE description = ?", name + " · tick " + second))
                    .isZero();
            assertThat(held.lastJobUuid()).as("still the run going on").isEqualTo(running);
            assertThat(held.lastTick()).isEqualTo(first);
            assertThat(held.lastError())
                    .startsWith("Tick " + second + " skipped: the job of the previous run (" + running
                            + ") has not ended (")
                    .endsWith("), and runs of this recurring job do not overlap.");
            assertThat(held.nextRun())
                    .as("claimed: the schedule moved on")
                    .isEqualTo(ZonedDateTime.ofInstant(second, ZoneId.of("Europe/Brussels"))
                            .plusYears(1)
                            .toInstant());
            assertThat(state(running)).isIn(JobState.ENQUEUED, JobState.STARTED);

            gate.open();
            await().atMost(TIMEOUT).until(() -> state(running) == JobState.DONE);

            Instant third = held.nextRun();
            assertThat(recurring.fire(id, third.plusSeconds(1))).isTrue();
            RecurringJobView after = view(id);
            assertThat(jobsDescribed(name)).isEqualTo(2);
            assertThat(after.lastTick()).isEqualTo(third);
            assertThat(after.lastJobUuid()).isNotEqualTo(running);
            assertThat(after.lastError()).isNull();
        } finally {
            gate.open();
        }
        awaitAllDone(name);
    }

    @Test
    void withOverlapAllowed_aTicksJobIsStoredBesideThePreviousRunStillGoingOn() {
        String name = uniqueName("overlap");
        long id = yearlyAtTheGate(name, true);
        assertThat(view(id).allowOverlap()).isTrue();
        gate.reset();
        try {
            Instant first = view(id).nextRun();
            assertThat(recurring.fire(id, first.plusSeconds(1))).isTrue();
            UUID running = view(id).lastJobUuid();
            await().atMost(TIMEOUT).until(gate::isReached);

            Instant second = view(id).nextRun();
            assertThat(recurring.fire(id, second.plusSeconds(1))).isTrue();

            RecurringJobView after = view(id);
            assertThat(jobsDescribed(name)).isEqualTo(2);
            assertThat(after.lastTick()).isEqualTo(second);
            assertThat(after.lastJobUuid()).isNotEqualTo(running);
            assertThat(after.lastError()).isNull();
            assertThat(state(running)).as("the first run, still going on").isIn(JobState.ENQUEUED, JobState.STARTED);
        } finally {
            gate.open();
        }
        awaitAllDone(name);
    }

    /** The record's jobs have all run: none is left holding a worker for the tests after. */
    private static void awaitAllDone(String name) {
        await().atMost(TIMEOUT)
                .until(() -> DatabaseCounts.count(
                                "SELECT count(*) FROM queue_job WHERE description LIKE ? AND state <> 'done'",
                                name + " · %")
                        == 0);
    }
}
