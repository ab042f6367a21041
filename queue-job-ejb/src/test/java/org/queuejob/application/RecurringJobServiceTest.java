package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.inject.spi.Bean;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.queuejob.api.Job;
import org.queuejob.domain.model.job.RetryPattern;
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

    RecurringJobServiceTest() {
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
                records.add(job);
            }

            @Override
            public void remove(RecurringJob job) {
                records.remove(job);
            }

            @Override
            public List<Long> dueAt(Instant now) {
                return List.of();
            }

            @Override
            public boolean claimTick(
                    long id, Instant due, Instant nextRun, Instant tick, UUID job, String error, Instant now) {
                return false;
            }
        };
    }

    @Test
    void anEditGivingAnotherName_isRefusedNamingTheRecordsName_andNothingChanges() {
        RecurringJobRequest renamed = new RecurringJobRequest(
                "weekly", "0 0 3 * * *", "UTC", "app.Jobs.report", "[]", null, null, MissedTicks.SKIP, true);

        assertThatThrownBy(() -> service.edit(1, renamed))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("The name of a recurring job cannot change (was nightly).");
        assertThat(nightly.name()).isEqualTo("nightly");
        assertThat(nightly.cron()).isEqualTo("0 0 2 * * *");
    }

    @Test
    void aNewRecurringJobsNameWithSpacesAroundIt_isRefused_notStripped() {
        RecurringJobRequest spaced = new RecurringJobRequest(
                " weekly ", "0 0 3 * * *", "UTC", "app.Jobs.report", "[]", null, null, MissedTicks.SKIP, true);

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
                        FieldEdit.to(true)));

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
                        false));

        assertThat(nightly.cron()).isEqualTo("0 0 3 * * *");
        assertThat(nightly.zone()).isEqualTo("Europe/Brussels");
        assertThat(nightly.channel()).isEqualTo("root.reports");
        assertThat(nightly.priority()).isEqualTo(3);
        assertThat(nightly.enabled()).isFalse();
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

        assertThatThrownBy(() -> service.create(new RecurringJobRequest(
                        "weekly", "0 0 3 * * *", "UTC", "app.Jobs.report", "[]", null, null, MissedTicks.SKIP, true)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("A recurring job named 'weekly' exists already: choose another name.");
    }

    @Test
    void anotherFailureOfTheInsert_isNotMistakenForANameInUse() {
        addFails = new IllegalStateException("Transaction rolled back", new SQLException("disk full", "53100"));

        assertThatThrownBy(() -> service.create(new RecurringJobRequest(
                        "weekly", "0 0 3 * * *", "UTC", "app.Jobs.report", "[]", null, null, MissedTicks.SKIP, true)))
                .isSameAs(addFails);
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
}
