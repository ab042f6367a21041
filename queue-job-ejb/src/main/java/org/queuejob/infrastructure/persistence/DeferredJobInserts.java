package org.queuejob.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.queuejob.domain.model.job.QueueJob;

/**
 * The new jobs of a transaction, inserted together just before it commits: a caller that stores a hundred jobs in
 * one transaction costs one statement instead of a hundred. The jobs commit or roll back with the caller's work as
 * before; a failure to insert them rolls the transaction back and reaches the caller at its commit.
 *
 * <p>Until then the rows are not in the table: every statement of the queue's own that reads or changes jobs in the
 * same transaction first calls {@link #flush()} (an identity-key check must see a job stored by an earlier call of the
 * same transaction), as a persistence context flushes before a query.
 */
@ApplicationScoped
public class DeferredJobInserts {

    /** The transaction's resource key: this class's own, so no other resource can clash with it. */
    private static final Object KEY = DeferredJobInserts.class.getName() + ".jobs";

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    QueueStore store;

    /** Stores {@code job} with the others of the current transaction when it commits; at once without one. */
    public void add(QueueJob job) {
        if (transactions == null || transactions.getTransactionKey() == null) {
            store.insert(job);
            return;
        }
        @SuppressWarnings("unchecked")
        List<QueueJob> jobs = (List<QueueJob>) transactions.getResource(KEY);
        if (jobs == null) {
            jobs = new ArrayList<>();
            transactions.putResource(KEY, jobs);
            transactions.registerInterposedSynchronization(new InsertBeforeCommit(jobs));
        }
        jobs.add(job);
    }

    /** Inserts the jobs the current transaction has stored so far, before a statement that must see them. */
    public void flush() {
        if (transactions != null && transactions.getTransactionKey() != null) {
            @SuppressWarnings("unchecked")
            List<QueueJob> jobs = (List<QueueJob>) transactions.getResource(KEY);
            if (jobs != null) {
                insert(jobs);
            }
        }
    }

    private void insert(List<QueueJob> jobs) {
        if (jobs.size() == 1) {
            store.insert(jobs.get(0)); // one row: the plain statement, planned once, cheaper than the arrays' one
        } else if (!jobs.isEmpty()) {
            store.insertAll(jobs);
        }
        jobs.clear();
    }

    /** Registered once per transaction, after the persistence contexts' own (interposed synchronizations run last). */
    private final class InsertBeforeCommit implements Synchronization {

        private final List<QueueJob> jobs;

        InsertBeforeCommit(List<QueueJob> jobs) {
            this.jobs = jobs;
        }

        @Override
        public void beforeCompletion() {
            if (transactions.getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK) {
                return; // nothing will commit: no statement
            }
            try {
                insert(jobs);
            } catch (RuntimeException e) {
                transactions.setRollbackOnly();
                throw e;
            }
        }

        @Override
        public void afterCompletion(int status) {
            jobs.clear();
        }
    }
}
