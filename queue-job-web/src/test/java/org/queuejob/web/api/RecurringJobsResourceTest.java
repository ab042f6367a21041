package org.queuejob.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.queuejob.application.RecurringJobChange;
import org.queuejob.application.RecurringJobService;
import org.queuejob.application.RecurringJobView;
import org.queuejob.domain.model.recurring.MissedTicks;
import org.queuejob.domain.model.recurring.RecurringOrigin;

class RecurringJobsResourceTest {

    /**
     * The record as another request left it: in Brussels, on its own channel and priority, RUN_ONCE, disabled, its runs
     * allowed to overlap.
     */
    private static final RecurringJobView STORED = new RecurringJobView(
            1,
            "report",
            "0 0 6 * * *",
            "Europe/Brussels",
            "app.Jobs.report",
            "[]",
            "root.reports",
            7,
            MissedTicks.RUN_ONCE,
            false,
            true,
            RecurringOrigin.BACK_OFFICE,
            null,
            null,
            null,
            null,
            null,
            null,
            true);

    private final Recorded service = new Recorded();
    private final RecurringJobsResource resource = new RecurringJobsResource();

    RecurringJobsResourceTest() {
        resource.recurring = service;
    }

    @Test
    void aPutGivingOnlyCronFunctionAndArguments_keepsTheZoneChannelPriorityPolicyAndDisabled() {
        resource.change(
                "1", body("{\"cron\":\"0 0 7 * * *\",\"function\":\"app.Jobs.report\",\"arguments\":[\"a@b.c\"]}"));

        RecurringJobChange change = service.change;
        assertThat(change.cron().resolve(STORED.cron(), "cron")).isEqualTo("0 0 7 * * *");
        assertThat(change.argumentsJson().resolve(STORED.argumentsJson(), "arguments"))
                .isEqualTo("[\"a@b.c\"]");
        assertThat(change.zone().resolve(STORED.zone(), "zone")).isEqualTo("Europe/Brussels");
        assertThat(change.channel().resolve(STORED.channel(), "channel")).isEqualTo("root.reports");
        assertThat(change.priority().resolve(STORED.priority(), "priority")).isEqualTo(7);
        assertThat(change.missed().resolve(STORED.missed(), "missed")).isEqualTo(MissedTicks.RUN_ONCE);
        assertThat(change.enabled().resolve(STORED.enabled(), "enabled")).isFalse();
        assertThat(change.allowOverlap().resolve(STORED.allowOverlap(), "allowOverlap"))
                .isTrue();
        assertThat(service.name).as("no name given: none to check").isNull();
    }

    @Test
    void aPutGivingNull_keepsTheField_asPutChannelsDoes_andAnEmptyZoneOrChannelClearsIt() {
        resource.change(
                "1",
                body("{\"name\":\"report\",\"zone\":\"\",\"channel\":\"\",\"priority\":null,\"missed\":\"SKIP\","
                        + "\"enabled\":true}"));

        RecurringJobChange change = service.change;
        assertThat(change.zone().resolve(STORED.zone(), "zone")).isEmpty();
        assertThat(change.channel().resolve(STORED.channel(), "channel")).isEmpty();
        assertThat(change.priority().resolve(STORED.priority(), "priority")).isEqualTo(7);
        assertThat(change.missed().resolve(STORED.missed(), "missed")).isEqualTo(MissedTicks.SKIP);
        assertThat(change.enabled().resolve(STORED.enabled(), "enabled")).isTrue();
        assertThat(change.cron().changes()).isFalse();
        assertThat(change.jobFunction().changes()).isFalse();
        assertThat(change.argumentsJson().changes()).isFalse();
        assertThat(service.name).isEqualTo("report");
    }

    @Test
    void aPutGivingAllowOverlap_writesIt() {
        resource.change("1", body("{\"allowOverlap\":false}"));

        assertThat(service.change.allowOverlap().resolve(STORED.allowOverlap(), "allowOverlap"))
                .isFalse();
        assertThat(service.change.enabled().changes()).isFalse();
    }

    @Test
    void aPostWithoutAllowOverlap_makesARecordWhoseRunsDoNotOverlap_andOneWithItTakesIt() {
        String record = "{\"name\":\"report\",\"cron\":\"0 0 6 * * *\",\"function\":\"app.Jobs.report\"";

        assertThat(RecurringJobsResource.request(body(record + "}")).allowOverlap())
                .as("absent")
                .isFalse();
        assertThat(RecurringJobsResource.request(body(record + ",\"allowOverlap\":true}"))
                        .allowOverlap())
                .isTrue();
    }

    @Test
    void anAllowOverlapThatIsNotTrueOrFalse_isA400NamingIt() {
        assertThatThrownBy(() -> body("{\"allowOverlap\":\"yes\"}"))
                .isInstanceOf(ApiException.class)
                .hasMessage("allowOverlap must be true or false, not the text \"yes\".")
                .extracting(e -> ((ApiException) e).status())
                .isEqualTo(400);
        assertThatThrownBy(() -> body("{\"allowOverlap\":1}"))
                .hasMessage("allowOverlap must be true or false, not the number 1.");
    }

    @Test
    void theViewShowsWhetherRunsMayOverlap() {
        assertThat(RecurringJobJson.of(STORED).allowOverlap).isTrue();
    }

    private static RecurringJobChangeJson body(String json) {
        return JsonRequestBinder.bind(
                RecurringJobChangeJson.class,
                Json.createReader(new StringReader(json)).readValue());
    }

    /** The service as the resource sees it: one record, and the last edit it was asked for. */
    private static final class Recorded extends RecurringJobService {

        String name;
        RecurringJobChange change;

        @Override
        public Optional<RecurringJobView> find(long id) {
            return id == STORED.id() ? Optional.of(STORED) : Optional.empty();
        }

        @Override
        public void edit(long id, String name, RecurringJobChange change) {
            this.name = name;
            this.change = change;
        }
    }
}
