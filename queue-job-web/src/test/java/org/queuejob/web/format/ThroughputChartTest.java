package org.queuejob.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.queuejob.application.DashboardService.HourCount;

class ThroughputChartTest {

    private static final Instant HOUR = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void eachHour_isABarLabelledWithItsUtcHour_doneBelowFailedOnOneStack() {
        JsonObject config = parse(ThroughputChart.config(
                List.of(new HourCount(HOUR, 12, 1), new HourCount(HOUR.plusSeconds(3600), 40, 0))));

        assertThat(config.getString("type")).isEqualTo("bar");
        assertThat(config.getJsonObject("data").getJsonArray("labels").getValuesAs(JsonValue::toString))
                .containsExactly("\"09:00\"", "\"10:00\"");
        assertThat(dataset(config, 0).getString("label")).isEqualTo("done");
        assertThat(dataset(config, 1).getString("label")).isEqualTo("failed");
        JsonObject scales = config.getJsonObject("options").getJsonObject("scales");
        assertThat(scales.getJsonObject("x").getBoolean("stacked")).isTrue();
        assertThat(scales.getJsonObject("y").getBoolean("stacked")).isTrue();
    }

    @Test
    void aSingleFailureBesideThousandsDone_isDrawnAtLeastTheMinimumHigh() {
        JsonObject config = parse(ThroughputChart.config(
                List.of(new HourCount(HOUR, 0, 1), new HourCount(HOUR.plusSeconds(3600), 50_000, 0))));

        JsonObject failed = dataset(config, 1);
        assertThat(values(failed)).containsExactly("1", "null");
        assertThat(failed.getInt("minBarLength")).isEqualTo(ThroughputChart.MIN_BAR_PIXELS);
        assertThat(values(dataset(config, 0))).containsExactly("null", "50000");
    }

    @Test
    void anHourWithoutJobs_hasNoBarPart_ratherThanAZeroTheMinimumWouldRaise() {
        JsonObject config = parse(ThroughputChart.config(List.of(new HourCount(HOUR, 0, 0))));

        assertThat(values(dataset(config, 0))).containsExactly("null");
        assertThat(values(dataset(config, 1))).containsExactly("null");
    }

    @Test
    void theSummary_givesTheTotalsTheChartDraws() {
        String summary = ThroughputChart.summary(
                List.of(new HourCount(HOUR, 1_200, 3), new HourCount(HOUR.plusSeconds(3600), 34, 0)));

        assertThat(summary)
                .isEqualTo("Jobs done and failed per hour over the last 2 hours: 1,234 done, 3 failed in all.");
    }

    private static JsonObject parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JsonObject dataset(JsonObject config, int index) {
        return config.getJsonObject("data").getJsonArray("datasets").getJsonObject(index);
    }

    private static List<String> values(JsonObject dataset) {
        JsonArray data = dataset.getJsonArray("data");
        return data.stream().map(JsonValue::toString).toList();
    }
}
