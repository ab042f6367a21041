package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What the runtime does once a transaction commits, gathered per transaction: many jobs stored in one transaction
 * make one wake-up, many channel changes one reconfiguration.
 *
 * <p>What runs after the commit ({@code afterCompletion}) must touch memory and hand work to the queue's executor,
 * never a transactional resource: there the transaction has ended but may still be the thread's, and an EJB called
 * from there (the follower's {@code NOTIFY} through {@code ClusterMembership}) failed on Payara with "Invalid
 * transaction passed to resume()", each time, and slowed the committing thread's next transaction (a bulk action's
 * chunks on a follower took 3–30 s each).
 */
@ApplicationScoped
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());

    private volatile TransactionSynchronizationRegistry transactions;

    /** Looks the registry up, from a thread with the application's component context (the queue's start). */
    void start() {
        try {
            use(InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry"));
        } catch (NamingException e) {
            LOG.log(Level.WARNING, "No TransactionSynchronizationRegistry: jobs are dispatched at once when stored", e);
        }
    }

    void use(TransactionSynchronizationRegistry registry) {
        transactions = registry;
    }

    /**
     * What the current transaction gathered under {@code key}: created by {@code create} at the first call in the
     * transaction, and given to {@code committed} once the transaction commits (never if it rolls back). Empty
     * ({@code null}) outside a transaction: the caller acts now.
     */
    <T> T gathered(Object key, Supplier<T> create, Consumer<T> committed) {
        TransactionSynchronizationRegistry registry = transactions;
        if (registry == null || registry.getTransactionKey() == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        T found = (T) registry.getResource(key);
        if (found != null) {
            return found;
        }
        T inThisTransaction = create.get();
        registry.putResource(key, inThisTransaction);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    committed.accept(inThisTransaction);
                }
            }
        });
        return inThisTransaction;
    }
}
