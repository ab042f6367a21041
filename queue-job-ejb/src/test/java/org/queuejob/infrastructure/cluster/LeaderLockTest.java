package org.queuejob.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The record of a new term goes through the session that took the lock, as every write of the leader does: sent
     * on another connection, it arrived once after the lock was lost and named the wrong leader (ClusterIT, fresh
     * clone of a73c5df). Here the session answers the lock and the record; any other connection fails.
     */
    @Test
    void aNewLeaderRecordsItsTermOnTheSessionThatHoldsTheLock() {
        List<String> onSession = new ArrayList<>();
        Connection session = connection(onSession);
        LeaderLock leader = new LeaderLock();
        leader.dataSource = (DataSource) Proxy.newProxyInstance(
                DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && connectionsAsked.getAndIncrement() == 0) {
                        return session;
                    }
                    throw new SQLException("only the leader's session answers");
                });

        assertThat(leader.holdOrTry("server-a")).isTrue();

        assertThat(leader.epoch()).isEqualTo(7);
        assertThat(onSession)
                .as("statements on the session, in order")
                .containsSubsequence("SELECT pg_try_advisory_lock(" + LeaderLock.KEY + ")", LeaderLock.ELECTED);
        assertThat(connectionsAsked).hasValue(1);
    }

    /** A session that grants the lock and answers the term's record with 7, logging what it is sent. */
    private static Connection connection(List<String> sent) {
        return proxy(Connection.class, (method, args) -> switch (method) {
            case "createStatement" ->
                proxy(Statement.class, (m, a) -> {
                    if (a != null && a.length > 0 && a[0] instanceof String sql) {
                        sent.add(sql);
                        return m.equals("executeQuery") ? row(true) : false;
                    }
                    return null;
                });
            case "prepareStatement" -> {
                sent.add((String) args[0]);
                yield proxy(PreparedStatement.class, (m, a) -> m.equals("executeQuery") ? row(7L) : null);
            }
            default -> null;
        });
    }

    private static ResultSet row(Object value) {
        boolean[] read = {false};
        return proxy(ResultSet.class, (method, args) -> switch (method) {
            case "next" -> !read[0] && (read[0] = true);
            case "getBoolean", "getLong" -> value;
            default -> null;
        });
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(String method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object value = answer.answer(method.getName(), args);
            if (value == null && method.getReturnType() == boolean.class) {
                return false;
            }
            return value;
        }));
    }
}
