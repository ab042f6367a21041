package org.queuejob.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.JobDependency;
import org.queuejob.domain.model.job.JobState;

class GraphDrawingTest {

    private static final Pattern NODE = Pattern.compile(
            "id=\"node-([0-9a-f-]+)\"><title>[^<]*</title><rect class=\"[^\"]*\" x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\""
                    + " height=\"(\\d+)\"");
    private static final Pattern EDGE = Pattern.compile("<path class=\"qj-edge\" marker-end=\"[^\"]*\" d=\"([^\"]*)\"");
    private static final Pattern SIZE = Pattern.compile("<svg [^>]*width=\"(\\d+)\" height=\"(\\d+)\"");

    private static GraphDrawing.Node job(String description) {
        return new GraphDrawing.Node(UUID.randomUUID(), description, "org.example.Jobs.run", JobState.PENDING);
    }

    @Test
    void anEdgeThatSkipsALevel_goesAroundTheJobOfThatLevel() {
        GraphDrawing.Node a = job("A");
        GraphDrawing.Node b = job("B");
        GraphDrawing.Node c = job("C");
        GraphDrawing.Node d = job("D");
        List<JobDependency> edges = List.of(
                new JobDependency(a.uuid(), b.uuid()),
                new JobDependency(b.uuid(), c.uuid()),
                new JobDependency(c.uuid(), d.uuid()),
                new JobDependency(b.uuid(), d.uuid()));

        String svg = GraphDrawing.svg(List.of(a, b, c, d), edges, b.uuid(), "/queue-job");

        Map<String, int[]> boxes = boxes(svg);
        assertThat(boxes).hasSize(4);
        List<double[]> paths = paths(svg);
        assertThat(paths).hasSize(4);
        for (double[] path : paths) {
            // No edge crosses the inside of a job's box (ends touch their own jobs' borders, hence the inset).
            for (int[] box : boxes.values()) {
                for (int i = 0; i + 3 < path.length; i += 2) {
                    assertThat(crossesInside(path[i], path[i + 1], path[i + 2], path[i + 3], box))
                            .as(
                                    "segment %s,%s -> %s,%s through box at %s,%s",
                                    path[i], path[i + 1], path[i + 2], path[i + 3], box[0], box[1])
                            .isFalse();
                }
            }
        }
    }

    @Test
    void aChainOfAThousandJobs_isWrappedIntoABlock_notALineOfHundredsOfThousandsOfPixels() {
        List<GraphDrawing.Node> jobs = new ArrayList<>();
        List<JobDependency> edges = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            jobs.add(job("Step " + i));
            if (i > 0) {
                edges.add(new JobDependency(jobs.get(i - 1).uuid(), jobs.get(i).uuid()));
            }
        }

        String svg = GraphDrawing.svg(jobs, edges, jobs.get(500).uuid(), "/queue-job");

        Matcher size = SIZE.matcher(svg);
        assertThat(size.find()).isTrue();
        long width = Long.parseLong(size.group(1));
        long height = Long.parseLong(size.group(2));
        assertThat(width).isLessThan(20_000);
        assertThat(height).isLessThan(20_000);
        assertThat(boxes(svg)).hasSize(1000);
        assertThat(paths(svg)).hasSizeGreaterThanOrEqualTo(999);
    }

    @Test
    void textsAreEscaped() {
        GraphDrawing.Node evil = job("<script>alert(1)</script>");

        String svg = GraphDrawing.svg(List.of(evil), List.of(), evil.uuid(), "/queue-job");

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void aNodeShowsItsDescriptionOrElseItsFunctionsSimpleName_itsState_andLinksToItsJob_theCurrentOneOutlined() {
        GraphDrawing.Node described = new GraphDrawing.Node(
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "Send mail",
                "org.example.Mail.send",
                JobState.FAILED);
        GraphDrawing.Node undescribed = new GraphDrawing.Node(
                UUID.fromString("00000000-0000-0000-0000-000000000002"),
                " ",
                "org.example.Mail.archive",
                JobState.DONE);

        String svg = GraphDrawing.svg(List.of(described, undescribed), List.of(), described.uuid(), "/queue-job");

        assertThat(svg)
                .contains("<a href=\"/queue-job/job.xhtml?uuid=00000000-0000-0000-0000-000000000001\"")
                .contains("<title>Send mail (Failed)</title><rect class=\"qj-node qj-node-failed qj-node-current\"")
                .contains("<title>Mail.archive (Done)</title><rect class=\"qj-node qj-node-done\"");
    }

    private static Map<String, int[]> boxes(String svg) {
        Matcher node = NODE.matcher(svg);
        Map<String, int[]> boxes = new java.util.HashMap<>();
        while (node.find()) {
            boxes.put(node.group(1), new int[] {
                Integer.parseInt(node.group(2)),
                Integer.parseInt(node.group(3)),
                Integer.parseInt(node.group(4)),
                Integer.parseInt(node.group(5))
            });
        }
        return boxes;
    }

    private static List<double[]> paths(String svg) {
        Matcher edge = EDGE.matcher(svg);
        List<double[]> paths = new ArrayList<>();
        while (edge.find()) {
            List<Double> numbers = Pattern.compile("-?\\d+(\\.\\d+)?")
                    .matcher(edge.group(1))
                    .results()
                    .map(m -> Double.parseDouble(m.group()))
                    .collect(Collectors.toList());
            paths.add(numbers.stream().mapToDouble(Double::doubleValue).toArray());
        }
        return paths;
    }

    /** Whether the segment passes through the box shrunk by 2 px (sampled: segments are short and axis-aligned). */
    private static boolean crossesInside(double x1, double y1, double x2, double y2, int[] box) {
        double left = box[0] + 2;
        double top = box[1] + 2;
        double right = box[0] + box[2] - 2;
        double bottom = box[1] + box[3] - 2;
        for (int step = 0; step <= 100; step++) {
            double x = x1 + (x2 - x1) * step / 100;
            double y = y1 + (y2 - y1) * step / 100;
            if (x > left && x < right && y > top && y < bottom) {
                return true;
            }
        }
        return false;
    }
}
