package org.queuejob.web.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.queuejob.application.JobQueryService.Dependency;
import org.queuejob.domain.model.job.QueueJob;

/**
 * A graph of jobs drawn as SVG, left to right: a job sits one column right of its deepest parent, nodes are coloured
 * by state (CSS classes {@code qj-node-<state>}) and link to their job page; the current job is outlined. Drawn on
 * the server, so the page needs no script library for it.
 */
public final class GraphDrawing {

    static final int NODE_WIDTH = 200;
    static final int NODE_HEIGHT = 46;
    static final int COLUMN_GAP = 60;
    static final int ROW_GAP = 18;
    static final int MARGIN = 10;
    static final int LABEL_CHARS = 26;

    private GraphDrawing() {}

    public static String svg(List<QueueJob> jobs, List<Dependency> dependencies, UUID current, String contextPath) {
        Map<UUID, List<UUID>> parents = new HashMap<>();
        for (Dependency dependency : dependencies) {
            parents.computeIfAbsent(dependency.child(), child -> new ArrayList<>())
                    .add(dependency.parent());
        }
        Map<UUID, Integer> depth = new HashMap<>();
        for (QueueJob job : jobs) {
            depthOf(job.uuid(), parents, depth, 0);
        }
        Map<Integer, Integer> rowsInColumn = new HashMap<>();
        Map<UUID, int[]> position = new HashMap<>();
        for (QueueJob job : jobs) {
            int column = depth.get(job.uuid());
            int row = rowsInColumn.merge(column, 1, Integer::sum) - 1;
            position.put(
                    job.uuid(),
                    new int[] {MARGIN + column * (NODE_WIDTH + COLUMN_GAP), MARGIN + row * (NODE_HEIGHT + ROW_GAP)});
        }
        int columns =
                rowsInColumn.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        int rows =
                rowsInColumn.values().stream().mapToInt(Integer::intValue).max().orElse(1);
        int width = 2 * MARGIN + columns * NODE_WIDTH + (columns - 1) * COLUMN_GAP;
        int height = 2 * MARGIN + rows * NODE_HEIGHT + (rows - 1) * ROW_GAP;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qj-graph\" width=\"%d\" height=\"%d\""
                        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Dependency graph\">",
                width,
                height,
                width,
                height));
        svg.append("<defs><marker id=\"qj-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\""
                + " class=\"qj-edge-head\"/></marker></defs>");
        for (Dependency dependency : dependencies) {
            int[] from = position.get(dependency.parent());
            int[] to = position.get(dependency.child());
            if (from == null || to == null) {
                continue;
            }
            svg.append(String.format(
                    Locale.ROOT,
                    "<line class=\"qj-edge\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" marker-end=\"url(#qj-arrow)\"/>",
                    from[0] + NODE_WIDTH,
                    from[1] + NODE_HEIGHT / 2,
                    to[0],
                    to[1] + NODE_HEIGHT / 2));
        }
        for (QueueJob job : jobs) {
            int[] at = position.get(job.uuid());
            String label = job.description() == null || job.description().isBlank()
                    ? JobTexts.simpleFunctionName(job.jobFunction())
                    : job.description();
            svg.append(String.format(
                    Locale.ROOT,
                    "<a href=\"%s/job.xhtml?uuid=%s\" class=\"qj-node-link\" id=\"node-%s\"><title>%s</title>"
                            + "<rect class=\"qj-node qj-node-%s%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
                            + " rx=\"6\"/><text class=\"qj-node-label\" x=\"%d\" y=\"%d\">%s</text>"
                            + "<text class=\"qj-node-state\" x=\"%d\" y=\"%d\">%s</text></a>",
                    Svg.escape(contextPath),
                    job.uuid(),
                    job.uuid(),
                    Svg.escape(label + " (" + job.state().label() + ")"),
                    job.state().dbValue(),
                    job.uuid().equals(current) ? " qj-node-current" : "",
                    at[0],
                    at[1],
                    NODE_WIDTH,
                    NODE_HEIGHT,
                    at[0] + 10,
                    at[1] + 19,
                    Svg.escape(Svg.abbreviate(label, LABEL_CHARS)),
                    at[0] + 10,
                    at[1] + 36,
                    Svg.escape(job.state().label())));
        }
        return svg.append("</svg>").toString();
    }

    /** The longest path from a job without parents; cycles cannot be stored, but are cut here anyway. */
    private static int depthOf(UUID job, Map<UUID, List<UUID>> parents, Map<UUID, Integer> depth, int guard) {
        Integer known = depth.get(job);
        if (known != null) {
            return known;
        }
        int deepest = 0;
        if (guard < 1000) {
            for (UUID parent : parents.getOrDefault(job, List.of())) {
                deepest = Math.max(deepest, depthOf(parent, parents, depth, guard + 1) + 1);
            }
        }
        depth.put(job, deepest);
        return deepest;
    }
}
