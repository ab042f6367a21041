package org.queuejob.it.cluster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.queuejob.api.Job;

/**
 * The cluster test's job: records its execution in the job's own transaction, so an execution is counted exactly
 * when its "done" commits. A run cut short by a killed server leaves no row, as it leaves no other effect.
 */
@ApplicationScoped
public class ClusterJobs {

    static final String RECORD = "INSERT INTO cluster_execution (n, server) VALUES (?, ?)";

    @Resource(lookup = "jdbc/queue-job")
    DataSource dataSource;

    @Job
    public void work(long n) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(RECORD)) {
            statement.setLong(1, n);
            statement.setString(2, System.getProperty("com.sun.aas.instanceRoot"));
            statement.executeUpdate();
        }
    }
}
