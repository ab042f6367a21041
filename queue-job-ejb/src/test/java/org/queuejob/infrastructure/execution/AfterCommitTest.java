package org.queuejob.infrastructure.execution;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AfterCommitTest {

    private static final Object KEY = new Object();

    private final Transactions transactions = new Transactions();
    private final AfterCommit afterCommit = new AfterCommit();
    /** What each commit gave: one list per call of the consumer. */
    private final List<List<String>> given = new ArrayList<>();

    @BeforeEach
    void useTheTransactions() {
        afterCommit.use(transactions);
    }

    @Test
    void outsideATransactionNothingIsGatheredAndTheCallerActsAtOnce() {
        assertThat(gather("a")).isFalse();
        assertThat(given).isEmpty();
    }

    @Test
    void manyCallsInOneTransactionAreGivenOnceWhenItCommits() {
        transactions.begin();
        gather("a");
        gather("b");
        gather("c");
        assertThat(given).as("nothing before the commit").isEmpty();

        transactions.end(Status.STATUS_COMMITTED);

        assertThat(given).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void aRolledBackTransactionGivesNothing() {
        transactions.begin();
        gather("a");

        transactions.end(Status.STATUS_ROLLEDBACK);

        assertThat(given).isEmpty();
    }

    @Test
    void eachTransactionGathersItsOwn() {
        transactions.begin();
        gather("a");
        transactions.end(Status.STATUS_COMMITTED);
        transactions.begin();
        gather("b");
        transactions.end(Status.STATUS_COMMITTED);

        assertThat(given).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void withoutARegistryEveryCallerActsAtOnce() {
        afterCommit.use(null);
        transactions.begin();

        assertThat(gather("a")).isFalse();
    }

    /** Adds {@code item} to what the current transaction gathered; false if the caller must act now. */
    private boolean gather(String item) {
        List<String> gathered = afterCommit.gathered(KEY, ArrayList::new, given::add);
        if (gathered == null) {
            return false;
        }
        gathered.add(item);
        return true;
    }

    /** One transaction at a time, ended by the test as a transaction manager would end it. */
    private static final class Transactions implements TransactionSynchronizationRegistry {

        private Object key;
        private final Map<Object, Object> resources = new HashMap<>();
        private final List<Synchronization> synchronizations = new ArrayList<>();
        private int next;

        void begin() {
            key = ++next;
        }

        void end(int status) {
            synchronizations.forEach(Synchronization::beforeCompletion);
            synchronizations.forEach(synchronization -> synchronization.afterCompletion(status));
            synchronizations.clear();
            resources.clear();
            key = null;
        }

        @Override
        public Object getTransactionKey() {
            return key;
        }

        @Override
        public void putResource(Object resourceKey, Object value) {
            resources.put(resourceKey, value);
        }

        @Override
        public Object getResource(Object resourceKey) {
            return resources.get(resourceKey);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization synchronization) {
            synchronizations.add(synchronization);
        }

        @Override
        public int getTransactionStatus() {
            return key == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
