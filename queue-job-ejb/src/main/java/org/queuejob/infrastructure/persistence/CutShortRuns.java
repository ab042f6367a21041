package org.queuejob.infrastructure.persistence;

import static org.queuejob.domain.model.job.JobTransition.GIVE_UP_CUT_SHORT;
import static org.queuejob.domain.model.job.JobTransition.RELEASE;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.queuejob.api.JobFailed;
import org.queuejob.domain.model.job.RunCutShort;

/**
 * The one statement shape by which jobs held by a server that is gone come back: the leader's rescue of dead servers'
 * jobs, and a server's release at its start of the jobs it held at its previous run. Each held job goes back to
 * pending ({@link org.queuejob.domain.model.job.JobTransition#RELEASE}); one marked started counts the try it was cut
 * short in, and fails when that try reaches its max retries; one not marked counts no try, but is marked as taken back
 * unstarted, so that its later runs are marked started as they begin ({@link RunCutShort}).
 */
public final class CutShortRuns {

    /** Jobs whose try counts: those whose server had marked them started (ran for over a second). */
    private static final String COUNTED = "j." + GIVE_UP_CUT_SHORT.sqlCondition();

    private static final String GIVES_UP = COUNTED + " AND j.max_retries > 0 AND j.retry + 1 >= j.max_retries";

    /**
     * The update of the rows picked by a query named {@code taken} (columns {@code id} and {@code worker}, the server
     * that held them, locked). One row per job comes back: the server that held it, then {@link #read}'s columns.
     * Every right-hand side reads the row as it was before the update.
     */
    private static final String TAKE_BACK = """
            UPDATE queue_job j SET state = CASE WHEN %1$s THEN '%2$s' ELSE '%3$s' END,
                   retry = CASE WHEN %4$s THEN j.retry + 1 ELSE j.retry END,
                   result = CASE WHEN %1$s THEN j.result WHEN %4$s THEN format('%5$s', j.worker)
                                 ELSE format('%8$s', j.worker) END,
                   taken_back_unstarted = CASE WHEN %4$s THEN j.taken_back_unstarted
                                               ELSE j.taken_back_unstarted + 1 END,
                   exc_name = CASE WHEN %1$s THEN '%6$s' ELSE j.exc_name END,
                   exc_message = CASE WHEN %1$s THEN format('%7$s', j.max_retries, j.worker) ELSE j.exc_message END,
                   exc_info = CASE WHEN %1$s THEN NULL ELSE j.exc_info END,
                   worker = CASE WHEN %1$s THEN j.worker END,
                   date_enqueued = CASE WHEN %1$s THEN j.date_enqueued END,
                   date_started = CASE WHEN %1$s THEN j.date_started END,
                   version = j.version + 1
              FROM taken WHERE j.id = taken.id
            RETURNING taken.worker, j.uuid, j.job_function, j.channel, j.retry, j.state = '%2$s', j.exc_message""".formatted(
                    GIVES_UP,
                    GIVE_UP_CUT_SHORT.to().dbValue(),
                    RELEASE.to().dbValue(),
                    COUNTED,
                    literal(RunCutShort.RETRIED),
                    literal(RunCutShort.EXCEPTION_NAME),
                    literal(RunCutShort.FAILED),
                    literal(RunCutShort.UNSEEN));

    private CutShortRuns() {}

    /**
     * The statement that takes back the rows {@code takenQuery} picks: a {@code SELECT id, worker FROM queue_job ...
     * FOR UPDATE} whose condition includes {@link org.queuejob.domain.model.job.JobTransition#RELEASE}'s; {@code
     * before} are other common table expressions the statement runs, each followed by a comma, or empty.
     */
    public static String takingBack(String before, String takenQuery) {
        return "WITH " + before + "taken AS (" + takenQuery + ")\n" + TAKE_BACK;
    }

    /** Jobs taken back: how many per server that held them, and those failed for good among them. */
    public record TakenBack(Map<String, Integer> byServer, List<JobFailed> failed) {

        public int count() {
            return byServer.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Reads what {@link #takingBack} returns; {@code now} is when the failures are told to have happened. */
    public static TakenBack read(ResultSet rows, Instant now) throws SQLException {
        Map<String, Integer> byServer = new LinkedHashMap<>();
        List<JobFailed> failed = new ArrayList<>();
        while (rows.next()) {
            byServer.merge(rows.getString(1), 1, Integer::sum);
            if (rows.getBoolean(6)) {
                failed.add(new JobFailed(
                        UUID.fromString(rows.getString(2)),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getInt(5),
                        RunCutShort.EXCEPTION_NAME,
                        rows.getString(7),
                        now));
            }
        }
        return new TakenBack(byServer, failed);
    }

    /** A constant as an SQL string literal; the texts are ours, but a quote in one must not end it. */
    private static String literal(String text) {
        return text.replace("'", "''");
    }
}
