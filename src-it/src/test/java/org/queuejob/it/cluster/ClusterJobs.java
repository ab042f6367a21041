package org.queuejob.it.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.queuejob.api.Job;
import org.queuejob.infrastructure.persistence.QueueJobDataSource;

/**
 * The cluster test's jobs: each records its execution in the job's own transaction, so an execution is counted
 * exactly when its "done" commits. A run cut short by a killed server leaves no row, as it leaves no other effect.
 */
@ApplicationScoped
public class ClusterJobs {

    static final String RECORD = "INSERT INTO cluster_execution (n, server) VALUES (?, ?)";

    static final String GATE = "SELECT 1 FROM cluster_gate WHERE n = ?";

    /** How often a deaf job looks whether its gate is open. */
    static final long GATE_LOOK_MILLIS = 50;

    /** How long a job works: long enough that the channels' capacities, not the CPU, set the pace. */
    static final long WORK_MILLIS = 20;

    @Inject
    @QueueJobDataSource
    DataSource dataSource;

    @Job
    public void work(long n) throws SQLException, InterruptedException {
        record(n);
        TimeUnit.MILLISECONDS.sleep(WORK_MILLIS);
    }

    /** Fails at once, without retry: a plain exception. */
    @Job
    public void fail(long n) {
        throw new IllegalStateException("Staged failure of job " + n + " on " + serverName());
    }

    /**
     * Holds its worker for ten minutes on the server named {@code holder} (which the test then kills), and is an
     * ordinary job anywhere else: that is how a test makes one server hold a channel's whole capacity.
     */
    @Job
    public void hold(long n, String holder) throws SQLException, InterruptedException {
        if (serverName().endsWith("/" + holder)) {
            TimeUnit.MINUTES.sleep(10);
        }
        record(n);
    }

    /**
     * Works until the test opens its gate (a row {@code n} in {@code cluster_gate}), deaf to interrupts, as a job busy
     * computing or in a plain socket read is; then records its execution like any job.
     */
    @Job
    public void deaf(long n) throws SQLException {
        while (!gateOpen(n)) {
            try {
                TimeUnit.MILLISECONDS.sleep(GATE_LOOK_MILLIS);
            } catch (InterruptedException e) {
                // Not heard: the job works on.
            }
        }
        record(n);
    }

    private boolean gateOpen(long n) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(GATE)) {
            statement.setLong(1, n);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private void record(long n) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(RECORD)) {
            statement.setLong(1, n);
            statement.setString(2, serverName());
            statement.executeUpdate();
        }
    }

    /**
     * The server's own directory, which ends with its name in the test ({@code AppServer.name()}): a Payara domain's
     * ({@code com.sun.aas.instanceRoot}) or a WildFly base directory ({@code jboss.server.base.dir}).
     */
    static String serverName() {
        String payara = System.getProperty("com.sun.aas.instanceRoot");
        return payara != null ? payara : System.getProperty("jboss.server.base.dir");
    }
}
