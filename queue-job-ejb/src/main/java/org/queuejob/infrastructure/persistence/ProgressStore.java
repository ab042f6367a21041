package org.queuejob.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.queuejob.domain.model.job.StoredText;

/**
 * Writes a running job's progress in a transaction of its own, so that it is seen while the job runs and stays
 * whatever the job's outcome. Only jobs that report progress ever get here: never on the hot path.
 */
@ApplicationScoped
public class ProgressStore {

    static final String SAVE = "UPDATE queue_job SET progress = ?, progress_message = ? WHERE id = ?";

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void save(long jobId, int percent, String message) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(SAVE)) {
            update.setInt(1, percent);
            update.setString(2, StoredText.storable(message));
            update.setLong(3, jobId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new QueueStoreException("Could not save the progress of job " + jobId, e);
        }
    }
}
