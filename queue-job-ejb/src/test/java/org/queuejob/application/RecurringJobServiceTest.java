package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.queuejob.api.Delayable;
import org.queuejob.api.Job;
import org.queuejob.api.JobCall;
import org.queuejob.api.JobQueue;
import org.queuejob.domain.model.job.JobOptions;
import org.queuejob.domain.model.job.JobState;
import org.queuejob.domain.model.job.QueueJob;
import org.queuejob.domain.model.job.RetryPattern;
import org.queuejob.domain.model.recurring.LastJob;
import org.queuejob.domain.model.recurring.MissedTicks;
import org.queuejob.domain.model.recurring.RecurringJob;
import org.queuejob.domain.model.recurring.RecurringJobRepository;
import org.queuejob.domain.model.recurring.RecurringOrigin;
import org.queuejob.infrastructure.interception.JobFunction;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;

class RecurringJobServiceTest {

    private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

    private final List<RecurringJob> records = new ArrayList<>();
    private final RecurringJobService service = new RecurringJobService();
    private final RecurringJob nightly = new RecurringJob(
            "nightly",
            "0 0 2 * * *",
            "UTC",
            "app.Jobs.report",
            "[]",
            null,
            null,
            MissedTicks.SKIP,
            true,
            RecurringOrigin.BACK_OFFICE,
            NOW);

    /** Set by a test: what the repository's add fails with (a database's refusal at the insert). */
    private RuntimeException addFails;

    /** The record's last job as the repository reads it in the tick's transaction; none until a test sets one. */
    private Optional<LastJob> lastJob = Optional.empty();

    /** How often the last job was read (and the record's row locked). */
    private int lastJobReads;

    /** The tick claims asked for, each granted (no other server claims here). */
    private final List<Claim> claims = new ArrayList<>();

    /** The jobs stored. */
    private final List<QueueJob> stored = new ArrayList<>();

    private record Claim(Instant due, Instant nextRun, Instant tick, UUID job, String error) {}

    RecurringJobServiceTest() {
        giveId(nightly, 1L);
        records.add(nightly);
        service.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        service.functions = new JobFunctionRegistry() {
            @Override
            public Optional<JobFunction> find(String name) {
                return name.equals("app.Jobs.report") ? Optional.of(report()) : Optional.empty();
            }
        };
        // The arguments' check against the method is GivenArguments' (tested there); here every array fits.
        service.submissions = new JobSubmissionService() {
            @Override
            Object[] arguments(JobFunction function, String json) {
                return new Object[0];
            }
        };
        service.records = new RecurringJobRepository() {
            @Override
            public List<RecurringJob> all() {
                return records;
            }

            @Override
            public Optional<RecurringJob> find(long id) {
                return records.stream().findFirst();
            }

            @Override
            public Optional<RecurringJob> findByName(String name) {
                return records.stream().filter(job -> job.name().equals(name)).findFirst();
            }

            @Override
            public void add(RecurringJob job) {
                if (addFails != null) {
                    throw addFails;
                }
                giveId(job, records.size() + 1L);
                records.add(job);
            }

            @Override
            public void remove(RecurringJob job) {
                records.remove(job);
            }

            @Override
            public Optional<LastJob> lockLastJob(long id) {
                lastJobReads++;
                return lastJob;
            }

            @Override
            public List<Long> dueAt(Instant now) {
                return List.of();
            }

            @Override
            public boolean claimTick(
                    long id, Instant due, Instant nextRun, Instant tick, UUID job, String error, Instant now) {
                claims.add(new Claim(due, nextRun, tick, job, error));
                return true;
            }
        };
        // The job a tick or a run now builds, and where it is stored: the description and options are newJob's
        // business (tested with the enqueue), not this test's.
        service.enqueuer = new JobEnqueuer() {
            @Override
            public QueueJob newJob(JobFunction function, Object[] arguments, JobQueue.Options callSite) {
                return new QueueJob(
                        function.name(), "[]", new JobOptions(10, null, 0, "a tick", "root", null), null, NOW);
            }

            @Override
            public QueueJob store(QueueJob job) {
                stored.add(job);
                return job;
            }
        };
        service.queue = (JobQueue) Proxy.newProxyInstance(
                RecurringJobServiceTest.class.getClassLoader(),
                new Class<?>[] {JobQueue.class},
                (proxy, called, args) -> {
                    if (called.getName().equals("options")) {
                        return new JobQueue.Options(new JobQueue.Options.Enqueuer() {
                            @Override
                            public UUID enqueue(JobQueue.Options options, JobCall call) {
                                throw new UnsupportedOperationException();
                            }

                            @Override
                            public Delayable delayable(JobQueue.Options options, JobCall call) {
                                throw new UnsupportedOperationException();
                            }
                        });
                    }
                    throw new UnsupportedOperationException(called.getName());
                });
    }

    /** The nightly record's first tick (2026-12-08T02:00:00Z); the tests fire it a second later. */
    private Instant tick() {
        return nightly.nextRun();
    }

    @ParameterizedTest
    @EnumSource(
            value = JobState.class,
            names = {"WAIT_DEPENDENCIES", "PENDING", "ENQUEUED", "STARTED"})
    void aTickWhoseLastJobHasNotEnded_enqueuesNothing_butIsClaimed_andTheLastErrorSaysWhy(JobState state) {
        UUID previous = UUID.randomUUID();
        lastJob = Optional.of(new LastJob(previous, state));
        Instant tick = tick();

        assertThat(service.fire(1, tick.plusSeconds(1))).isFalse();

        assertThat(stored).as("jobs stored").isEmpty();
        assertThat(lastJobReads).as("read in the claiming transaction").isEqualTo(1);
        assertThat(claims)
                .containsExactly(new Claim(
                        tick,
                        tick.plus(Duration.ofDays(1)),
                        null,
                        null,
                        "Tick 2026-12-08T02:00:00Z skipped: the job of the previous run (" + previous
                                + ") has not ended (" + state.dbValue() + "), and runs of this recurring job do not"
                                + " overlap."));
    }

    @ParameterizedTest
    @EnumSource(
            value = JobState.class,
            names = {"DONE", "CANCELLED", "FAILED"})
    void aTickWhoseLastJobHasEnded_enqueuesItsJob_andClearsTheLastError(JobState state) {
        lastJob = Optional.of(new LastJob(UUID.randomUUID(), state));
        Instant tick = tick();

        assertThat(service.fire(1, tick.plusSeconds(1))).isTrue();

        assertThat(stored).hasSize(1);
        assertThat(claims)
                .containsExactly(new Claim(
                        tick, tick.plus(Duration.ofDays(1)), tick, stored.get(0).uuid(), null));
    }

    @Test
    void aTickWithoutALastJob_orWhoseJobNoLongerExists_enqueuesItsJob() {
        assertThat(service.fire(1, tick().plusSeconds(1))).isTrue();

        assertThat(stored).hasSize(1);
        assertThat(claims).singleElement().extracting(Claim::error).isNull();
    }

    @Test
    void whenRunsMayOverlap_aTickEnqueuesItsJobBesideTheRunningOne_withoutLockingTheRecord() {
        nightly.changeOverlap(true);
        lastJob = Optional.of(new LastJob(UUID.randomUUID(), JobState.STARTED));

        assertThat(service.fire(1, tick().plusSeconds(1))).isTrue();

        assertThat(stored).hasSize(1);
        assertThat(lastJobReads).isZero();
    }

    @Test
    void aRunNow_enqueuesItsJobEvenWhileTheLastJobHasNotEnded_andBecomesTheLastJob() {
        lastJob = Optional.of(new LastJob(UUID.randomUUID(), JobState.STARTED));
        Instant nextRun = nightly.nextRun();

        UUID job = service.runNow(1, "alice");

        assertThat(stored).extracting(QueueJob::uuid).containsExactly(job);
        assertThat(nightly.lastJobUuid()).isEqualTo(job);
        assertThat(nightly.nextRun()).isEqualTo(nextRun);
    }

    @Test
    void aNewRecord_doesNotOverlapUnlessAsked() {
        service.create(dailyReport("plain", false));
        service.create(dailyReport("overlapping", true));

        assertThat(records)
                .filteredOn(job -> job.name().equals("plain"))
                .singleElement()
                .extracting(RecurringJob::allowOverlap)
                .isEqualTo(false);
        assertThat(records)
                .filteredOn(job -> job.name().equals("overlapping"))
                .singleElement()
                .extracting(RecurringJob::allowOverlap)
                .isEqualTo(true);
    }

    @Test
    void aChangeLeavingOverlapOut_keepsIt_andOneGivingItWritesIt() {
        nightly.changeOverlap(true);

        service.edit(1, null, change(FieldEdit.keep()));
        assertThat(nightly.allowOverlap()).as("kept").isTrue();

        service.edit(1, null, change(FieldEdit.to(false)));
        assertThat(nightly.allowOverlap()).as("written").isFalse();
    }

    @Test
    void aFormTurningOverlapOn_isRefusedWhileSomeoneElseHasChangedIt_andTakenOnceItIsAsShownAgain() {
        RecurringJobView shown = service.find(1).orElseThrow();
        RecurringJobRequest typed = new RecurringJobRequest(
                "nightly", "0 0 2 * * *", "UTC", "app.Jobs.report", "[]", null, null, MissedTicks.SKIP, true, true);
        nightly.changeOverlap(true);

        // Someone else turned it on meanwhile, where the form was opened with it off: the form's change is refused.
        assertThatThrownBy(() -> service.edit(1, shown, typed)).isInstanceOf(ChangedMeanwhileException.class);

        nightly.changeOverlap(false);
        service.edit(1, shown, typed);
        assertThat(nightly.allowOverlap()).isTrue();
    }

    /** A change of whether runs may overlap alone. */
    private static RecurringJobChange change(FieldEdit<Boolean> allowOverlap) {
        return new RecurringJobChange(
                FieldEdit.keep(),
                FieldEdit.keep(),
                FieldEdit.keep(),
                FieldEdit.keep(),
                FieldEdit.keep(),
                FieldEdit.keep(),
                FieldEdit.keep(),
                FieldEdit.keep(),
                allowOverlap);
    }

    @Test
    void anEditGivingAnotherName_isRefusedNamingTheRecordsName_andNothingChanges() {
        RecurringJobRequest renamed = dailyReport("weekly", false);

        assertThatThrownBy(() -> service.edit(1, renamed))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("The name of a recurring job cannot change (was nightly).");
        assertThat(nightly.name()).isEqualTo("nightly");
        assertThat(nightly.cron()).isEqualTo("0 0 2 * * *");
    }

    @Test
    void aNewRecurringJobsNameWithSpacesAroundIt_isRefused_notStripped() {
        RecurringJobRequest spaced = new RecurringJobRequest(
                " weekly ", "0 0 3 * * *", "UTC", "app.Jobs.report", "[]", null, null, MissedTicks.SKIP, true, false);

        assertThatThrownBy(() -> service.create(spaced))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("The name ' weekly ' has spaces around it: give the name without them.");
        assertThat(records).hasSize(1);
    }

    @Test
    void aChangeGivingOnlyScheduleFunctionAndArguments_keepsTheZoneChannelPriorityPolicy_andADisabledRecordDisabled() {
        RecurringJob brussels = staffRecord("brussels", "Europe/Brussels", "root.reports", 7, MissedTicks.RUN_ONCE);
        brussels.disable();
        records.set(0, brussels);

        service.edit(
                1,
                null,
                new RecurringJobChange(
                        FieldEdit.to("0 0 7 * * *"),
                        FieldEdit.keep(),
                        FieldEdit.to("app.Jobs.report"),
                        FieldEdit.to("[\"a@b.c\"]"),
                        FieldEdit.keep(),
                        FieldEdit.keep(),
                        FieldEdit.keep(),
                        FieldEdit.keep(),
                        FieldEdit.keep()));

        assertThat(brussels.cron()).isEqualTo("0 0 7 * * *");
        assertThat(brussels.arguments()).isEqualTo("[\"a@b.c\"]");
        assertThat(brussels.zone()).isEqualTo("Europe/Brussels");
        assertThat(brussels.channel()).isEqualTo("root.reports");
        assertThat(brussels.priority()).isEqualTo(7);
        assertThat(brussels.missed()).isEqualTo(MissedTicks.RUN_ONCE);
        assertThat(brussels.enabled()).as("still disabled").isFalse();
        assertThat(brussels.nextRun()).isNull();
    }

    @Test
    void aChangeGivingAnEmptyZoneAndChannel_setsUtcAndTheJobFunctionsChannelAgain() {
        RecurringJob brussels = staffRecord("brussels", "Europe/Brussels", "root.reports", 7, MissedTicks.SKIP);
        records.set(0, brussels);

        service.edit(
                1,
                "brussels",
                new RecurringJobChange(
                        FieldEdit.keep(),
                        FieldEdit.to(""),
                        FieldEdit.keep(),
                        FieldEdit.keep(),
                        FieldEdit.to(""),
                        FieldEdit.keep(),
                        FieldEdit.keep(),
                        FieldEdit.to(true),
                        FieldEdit.keep()));

        assertThat(brussels.zone()).isIn("Z", "UTC");
        assertThat(brussels.channel()).isNull();
        assertThat(brussels.priority()).isEqualTo(7);
        assertThat(brussels.enabled()).isTrue();
    }

    @Test
    void aWholeRequest_stillWritesEveryField_asTheServiceCallersInCodeSendIt() {
        service.edit(
                1,
                new RecurringJobRequest(
                        "nightly",
                        "0 0 3 * * *",
                        "Europe/Brussels",
                        "app.Jobs.report",
                        "[]",
                        "root.reports",
                        3,
                        MissedTicks.RUN_ONCE,
                        false,
                        true));

        assertThat(nightly.cron()).isEqualTo("0 0 3 * * *");
        assertThat(nightly.zone()).isEqualTo("Europe/Brussels");
        assertThat(nightly.channel()).isEqualTo("root.reports");
        assertThat(nightly.priority()).isEqualTo(3);
        assertThat(nightly.enabled()).isFalse();
        assertThat(nightly.allowOverlap()).isTrue();
    }

    @Test
    void aNameAnotherSaveTookAtTheSameMoment_isRefusedAsANameInUse_notAnUnexpectedError() {
        // What the container hands on when the insert meets the other save's committed row: the driver's
        // unique_violation, wrapped by the JPA provider and the container.
        addFails = new IllegalStateException(
                "Transaction rolled back",
                new RuntimeException(
                        "Internal Exception",
                        new SQLException("duplicate key value violates unique constraint", "23505")));

        assertThatThrownBy(() -> service.create(dailyReport("weekly", false)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("A recurring job named 'weekly' exists already: choose another name.");
    }

    @Test
    void anotherFailureOfTheInsert_isNotMistakenForANameInUse() {
        addFails = new IllegalStateException("Transaction rolled back", new SQLException("disk full", "53100"));

        assertThatThrownBy(() -> service.create(dailyReport("weekly", false))).isSameAs(addFails);
    }

    private static RecurringJob staffRecord(
            String name, String zone, String channel, Integer priority, MissedTicks missed) {
        return new RecurringJob(
                name,
                "0 0 6 * * *",
                zone,
                "app.Jobs.report",
                "[]",
                channel,
                priority,
                missed,
                true,
                RecurringOrigin.BACK_OFFICE,
                NOW);
    }

    /** What the database does at the insert: the sequence gives the record its id. */
    private static void giveId(RecurringJob job, long id) {
        try {
            Field field = RecurringJob.class.getDeclaredField("id");
            field.setAccessible(true);
            field.set(job, id);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The job function the records name; its bean is never asked for anything here. */
    private static JobFunction report() {
        try {
            var method = Jobs.class.getMethod("report", String.class);
            Bean<?> bean = (Bean<?>) Proxy.newProxyInstance(
                    RecurringJobServiceTest.class.getClassLoader(),
                    new Class<?>[] {Bean.class},
                    (proxy, called, args) -> {
                        throw new UnsupportedOperationException(called.getName());
                    });
            return new JobFunction("app.Jobs.report", bean, method, method.getAnnotation(Job.class), RetryPattern.NONE);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    public static class Jobs {
        @Job
        public void report(String to) {}
    }

    /** A record made by hand: a report at 03:00 UTC, enabled, skipping missed ticks. */
    private static RecurringJobRequest dailyReport(String name, boolean allowOverlap) {
        return new RecurringJobRequest(
                name, "0 0 3 * * *", "UTC", "app.Jobs.report", "[]", null, null, MissedTicks.SKIP, true, allowOverlap);
    }
}
