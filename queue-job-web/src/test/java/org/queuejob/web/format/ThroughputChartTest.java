package org.queuejob.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.queuejob.application.DashboardService.HourCount;

class ThroughputChartTest {

    private static final Instant HOUR = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void aSingleFailureBesideThousandsDone_isStillDrawn() {
        String svg = ThroughputChart.svg(
                List.of(new HourCount(HOUR, 0, 1), new HourCount(HOUR.plusSeconds(3600), 50_000, 0)));

        assertThat(heights(svg, "qj-bar-failed")).containsExactly(ThroughputChart.MIN_VISIBLE, 0);
        assertThat(heights(svg, "qj-bar-done")).containsExactly(0, ThroughputChart.HEIGHT);
    }

    @Test
    void theFullestHour_fillsTheChartExactly_evenWithAMinimumFailedPart() {
        String svg = ThroughputChart.svg(List.of(new HourCount(HOUR, 99_999, 1)));

        int failed = heights(svg, "qj-bar-failed").get(0);
        int done = heights(svg, "qj-bar-done").get(0);
        assertThat(failed).isEqualTo(ThroughputChart.MIN_VISIBLE);
        assertThat(done + failed).isEqualTo(ThroughputChart.HEIGHT);
    }

    @Test
    void anHourWithoutJobs_hasNoBar() {
        String svg = ThroughputChart.svg(List.of(new HourCount(HOUR, 0, 0), new HourCount(HOUR, 10, 10)));

        assertThat(heights(svg, "qj-bar-done")).containsExactly(0, ThroughputChart.HEIGHT / 2);
        assertThat(heights(svg, "qj-bar-failed")).containsExactly(0, ThroughputChart.HEIGHT / 2);
    }

    private static List<Integer> heights(String svg, String cssClass) {
        Matcher matcher = Pattern.compile("class=\"" + cssClass + "\"[^>]*height=\"(\\d+)\"")
                .matcher(svg);
        List<Integer> heights = new java.util.ArrayList<>();
        while (matcher.find()) {
            heights.add(Integer.parseInt(matcher.group(1)));
        }
        return heights;
    }
}
