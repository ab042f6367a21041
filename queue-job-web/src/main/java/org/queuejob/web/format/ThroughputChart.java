package org.queuejob.web.format;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;
import org.queuejob.application.DashboardService.HourCount;

/**
 * Jobs done and failed per hour as the configuration of a stacked bar chart for Chart.js, the chart library PrimeFaces
 * bundles and {@code p:chart} draws with (served from the WAR, like the rest of PrimeFaces).
 *
 * <p>The configuration is built with JSON-P from numbers and hours only: no text of a user's reaches it, and what it
 * holds is quoted as JSON requires. An hour without a job of a kind has no bar part ({@code null}, not 0), and a part
 * that counts at least one job is drawn at least {@link #MIN_BAR_PIXELS} high: one failure beside thousands of done
 * jobs must still show. The chart does not animate, since the dashboard redraws it every 10 seconds.
 */
public final class ThroughputChart {

    /** Height of a bar part that counts at least one job, in pixels. */
    static final int MIN_BAR_PIXELS = 3;

    static final String DONE_COLOUR = "#66bb6a";
    static final String FAILED_COLOUR = "#e53935";

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private ThroughputChart() {}

    /** The chart's configuration, as {@code p:chart}'s value. */
    public static String config(List<HourCount> hours) {
        return configObject(hours).toString();
    }

    /** A sentence for those who cannot see the chart: the totals it draws. */
    public static String summary(List<HourCount> hours) {
        long done = hours.stream().mapToLong(HourCount::done).sum();
        long failed = hours.stream().mapToLong(HourCount::failed).sum();
        return String.format(
                Locale.ROOT,
                "Jobs done and failed per hour over the last %d hours: %,d done, %,d failed in all.",
                hours.size(),
                done,
                failed);
    }

    static JsonObject configObject(List<HourCount> hours) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        hours.forEach(hour -> labels.add(HOUR.format(hour.hour())));
        JsonObjectBuilder data = Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                        "datasets",
                        Json.createArrayBuilder()
                                .add(dataset("done", DONE_COLOUR, hours, HourCount::done))
                                .add(dataset("failed", FAILED_COLOUR, hours, HourCount::failed)));
        JsonObjectBuilder stackedAxis = Json.createObjectBuilder().add("stacked", true);
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add(
                        "interaction",
                        Json.createObjectBuilder().add("mode", "index").add("intersect", false))
                .add(
                        "scales",
                        Json.createObjectBuilder()
                                .add(
                                        "x",
                                        stackedAxis.add(
                                                "grid",
                                                Json.createObjectBuilder().add("display", false)))
                                .add(
                                        "y",
                                        Json.createObjectBuilder()
                                                .add("stacked", true)
                                                .add("beginAtZero", true)
                                                .add(
                                                        "ticks",
                                                        Json.createObjectBuilder()
                                                                .add("precision", 0))))
                .add(
                        "plugins",
                        Json.createObjectBuilder()
                                .add("legend", Json.createObjectBuilder().add("position", "bottom")));
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", data)
                .add("options", options)
                .build();
    }

    private static JsonObjectBuilder dataset(
            String label, String colour, List<HourCount> hours, ToLongFunction<HourCount> count) {
        JsonArrayBuilder values = Json.createArrayBuilder();
        for (HourCount hour : hours) {
            long jobs = count.applyAsLong(hour);
            if (jobs == 0) {
                values.addNull();
            } else {
                values.add(jobs);
            }
        }
        return Json.createObjectBuilder()
                .add("label", label)
                .add("data", values)
                .add("backgroundColor", colour)
                .add("minBarLength", MIN_BAR_PIXELS);
    }
}
