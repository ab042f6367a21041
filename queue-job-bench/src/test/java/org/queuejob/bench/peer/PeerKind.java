package org.queuejob.bench.peer;

import org.queuejob.bench.phase.RunLog;
import org.queuejob.dev.DatabaseSettings;

/** The queue's peers, and how each is configured (printed in the report's header). */
public enum PeerKind {
    DB_SCHEDULER("db-scheduler", "bench_dbscheduler") {
        @Override
        PeerSystem create(DatabaseSettings database, int threads, RunLog log) throws Exception {
            return new DbSchedulerSystem(database, threads, log);
        }

        @Override
        public String configuration(int threads) {
            return DbSchedulerSystem.describe(threads);
        }
    },
    RAW_JDBC("raw JDBC", "bench_raw") {
        @Override
        PeerSystem create(DatabaseSettings database, int threads, RunLog log) throws Exception {
            return new RawJdbcSystem(database, threads, log);
        }

        @Override
        public String configuration(int threads) {
            return RawJdbcSystem.describe(threads);
        }
    };

    private final String label;
    private final String database;

    PeerKind(String label, String database) {
        this.label = label;
        this.database = database;
    }

    public String label() {
        return label;
    }

    /** Its own database on the shared server. */
    public String database() {
        return database;
    }

    abstract PeerSystem create(DatabaseSettings database, int threads, RunLog log) throws Exception;

    public abstract String configuration(int threads);
}
