package org.queuejob.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class LeaderLockTest {

    private final AtomicInteger connectionsAsked = new AtomicInteger();
    private final LeaderLock lock = new LeaderLock();

    LeaderLockTest() {
        // A database that is away: every try for the lock asks for a connection and gets none.
        lock.dataSource = (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        connectionsAsked.incrementAndGet();
                    }
                    throw new SQLException("no database here");
                });
    }

    @Test
    void aServerThatGaveTheLockUpAtShutdownNeverTriesForItAgain() {
        assertThat(lock.holdOrTry("a")).isFalse();
        assertThat(connectionsAsked).as("tries before the shutdown").hasValue(1);

        lock.release();

        assertThat(lock.holdOrTry("a")).isFalse();
        assertThat(connectionsAsked)
                .as("tries after the shutdown (a poll still running then)")
                .hasValue(1);
    }
}
