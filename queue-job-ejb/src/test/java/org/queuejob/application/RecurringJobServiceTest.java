package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.recurring.MissedTicks;
import org.queuejob.domain.model.recurring.RecurringJob;
import org.queuejob.domain.model.recurring.RecurringJobRepository;
import org.queuejob.domain.model.recurring.RecurringOrigin;

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

    RecurringJobServiceTest() {
        records.add(nightly);
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
}
