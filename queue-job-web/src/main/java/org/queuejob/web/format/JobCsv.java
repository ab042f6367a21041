package org.queuejob.web.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import org.queuejob.domain.model.job.QueueJob;

/**
 * The job list as CSV (RFC 4180: every field quoted, quotes doubled), with the original's columns, written page by
 * page so that a large export never holds all jobs in memory. A field starting with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe, so that a spreadsheet never runs an exception message as a formula.
 */
public final class JobCsv {

    /** Rows read per query. */
    static final int PAGE = 500;

    static final List<String> HEADER = List.of(
            "uuid",
            "description",
            "job_function",
            "state",
            "channel",
            "priority",
            "date_created",
            "eta",
            "date_done",
            "exec_time_s",
            "retry",
            "max_retries",
            "exc_name",
            "exc_message",
            "user",
            "graph_uuid");

    private JobCsv() {}

    /** Writes the header, then the pages {@code pages(first, size)} returns until one comes back short. */
    public static void write(OutputStream output, BiFunction<Integer, Integer, List<QueueJob>> pages)
            throws IOException {
        Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
        writer.write(line(HEADER));
        int first = 0;
        while (true) {
            List<QueueJob> page = pages.apply(first, PAGE);
            for (QueueJob job : page) {
                writer.write(line(row(job)));
            }
            if (page.size() < PAGE) {
                break;
            }
            first += PAGE;
        }
        writer.flush();
    }

    static List<String> row(QueueJob job) {
        return java.util.Arrays.asList(
                String.valueOf(job.uuid()),
                job.description(),
                job.jobFunction(),
                job.state().dbValue(),
                job.channel(),
                String.valueOf(job.priority()),
                text(job.dateCreated()),
                text(job.eta()),
                text(job.dateDone()),
                JobTexts.seconds(job.execTimeMillis()),
                String.valueOf(job.retry()),
                String.valueOf(job.maxRetries()),
                job.excName(),
                job.excMessage(),
                job.userName(),
                job.graphUuid().map(String::valueOf).orElse(null));
    }

    static String line(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quote(fields.get(i)));
        }
        return line.append("\r\n").toString();
    }

    static String quote(String field) {
        if (field == null) {
            return "";
        }
        String safe = !field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
