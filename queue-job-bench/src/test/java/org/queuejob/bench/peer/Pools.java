package org.queuejob.bench.peer;

import com.zaxxer.hikari.HikariDataSource;
import org.queuejob.dev.DatabaseSettings;

/** Connection pools of the peers, set up as Payara's pool for the queue is (same driver options). */
final class Pools {

    private Pools() {}

    static HikariDataSource hikari(DatabaseSettings database, int size) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(database.jdbcUrl());
        pool.setUsername(database.user());
        pool.setPassword(database.password());
        pool.setMaximumPoolSize(size);
        pool.setMinimumIdle(size);
        // As the queue's data source: a batch of inserts becomes multi-row inserts.
        pool.addDataSourceProperty("reWriteBatchedInserts", "true");
        return pool;
    }
}
