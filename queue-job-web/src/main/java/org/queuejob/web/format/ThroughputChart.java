package org.queuejob.web.format;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.queuejob.application.DashboardService.HourCount;

/**
 * Jobs done and failed per hour as a stacked bar chart in SVG (done below, failed above), with the hour under every
 * third bar and the largest total on the axis. Drawn on the server: no chart library, nothing from a CDN.
 */
public final class ThroughputChart {

    static final int BAR = 22;
    static final int GAP = 6;
    static final int HEIGHT = 160;
    static final int LEFT = 48;
    static final int BOTTOM = 22;
    static final int TOP = 10;

    /** Height of a bar part that counts at least one job: one failure beside thousands done must still show. */
    static final int MIN_VISIBLE = 2;

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private ThroughputChart() {}

    public static String svg(List<HourCount> hours) {
        long max = Math.max(
                1,
                hours.stream()
                        .mapToLong(hour -> hour.done() + hour.failed())
                        .max()
                        .orElse(1));
        int width = LEFT + hours.size() * (BAR + GAP) + GAP;
        int total = TOP + HEIGHT + BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qj-chart\" width=\"%d\" height=\"%d\""
                        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Jobs done and failed per hour\">",
                width,
                total,
                width,
                total));
        svg.append(String.format(
                Locale.ROOT,
                "<line class=\"qj-axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>"
                        + "<text class=\"qj-axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%d</text>"
                        + "<text class=\"qj-axis-label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">0</text>",
                LEFT,
                TOP + HEIGHT,
                width,
                TOP + HEIGHT,
                LEFT - 6,
                TOP + 10,
                max,
                LEFT - 6,
                TOP + HEIGHT));
        for (int i = 0; i < hours.size(); i++) {
            HourCount hour = hours.get(i);
            int x = LEFT + GAP + i * (BAR + GAP);
            int failedHeight = height(hour.failed(), max);
            int doneHeight = Math.min(height(hour.done(), max), HEIGHT - failedHeight);
            String when = HOUR.format(hour.hour());
            svg.append(String.format(
                    Locale.ROOT,
                    "<g class=\"qj-bar\"><title>%s UTC: %d done, %d failed</title>"
                            + "<rect class=\"qj-bar-done\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>"
                            + "<rect class=\"qj-bar-failed\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/></g>",
                    when,
                    hour.done(),
                    hour.failed(),
                    x,
                    TOP + HEIGHT - doneHeight,
                    BAR,
                    doneHeight,
                    x,
                    TOP + HEIGHT - doneHeight - failedHeight,
                    BAR,
                    failedHeight));
            if (i % 3 == 0) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<text class=\"qj-axis-label\" x=\"%d\" y=\"%d\">%s</text>",
                        x,
                        TOP + HEIGHT + 16,
                        when));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The bar part's height in pixels, to scale, but never hidden when it counts a job. */
    static int height(long count, long max) {
        if (count == 0) {
            return 0;
        }
        return Math.max(MIN_VISIBLE, (int) Math.round(count * (double) HEIGHT / max));
    }
}
