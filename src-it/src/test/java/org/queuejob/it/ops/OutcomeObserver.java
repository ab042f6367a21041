package org.queuejob.it.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.queuejob.api.JobDone;
import org.queuejob.api.JobFailed;
import org.queuejob.api.JobRetried;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;

/**
 * Observes the queue's outcome events, synchronously and asynchronously, and notes for each synchronous one the job's
 * state as another connection sees it at that moment: committed or not.
 */
@ApplicationScoped
public class OutcomeObserver {

    /** One observation: the event, whether it came asynchronously, the job's committed state when it came. */
    public record Seen(Object event, UUID uuid, boolean async, String committedState, String thread) {}

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    private final List<Seen> seen = new CopyOnWriteArrayList<>();

    void done(@Observes JobDone event) {
        seen.add(new Seen(
                event,
                event.uuid(),
                false,
                committedState(event.uuid()),
                Thread.currentThread().getName()));
    }

    void failed(@Observes JobFailed event) {
        seen.add(new Seen(
                event,
                event.uuid(),
                false,
                committedState(event.uuid()),
                Thread.currentThread().getName()));
    }

    void retried(@Observes JobRetried event) {
        seen.add(new Seen(
                event,
                event.uuid(),
                false,
                committedState(event.uuid()),
                Thread.currentThread().getName()));
    }

    void doneAsync(@ObservesAsync JobDone event) {
        seen.add(
                new Seen(event, event.uuid(), true, null, Thread.currentThread().getName()));
    }

    void failedAsync(@ObservesAsync JobFailed event) {
        seen.add(
                new Seen(event, event.uuid(), true, null, Thread.currentThread().getName()));
    }

    public List<Seen> of(UUID uuid) {
        return seen.stream().filter(s -> s.uuid().equals(uuid)).toList();
    }

    private String committedState(UUID uuid) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT state FROM queue_job WHERE uuid = CAST(? AS uuid)")) {
            query.setString(1, uuid.toString());
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : "missing";
            }
        } catch (SQLException e) {
            return "error: " + e.getMessage();
        }
    }
}
