package org.queuejob.it.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** The test application's customer service, and the EntityManager producer the queue uses for references. */
@ApplicationScoped
@Transactional
public class Customers {

    @Produces
    @PersistenceContext(unitName = "it")
    EntityManager em;

    @Inject
    TestJobs jobs;

    /**
     * Takes PostgreSQL's transaction-scoped advisory lock {@code key} in the current transaction (joins it): held until
     * that transaction ends, it shows from another connection whether the transaction is still open.
     */
    public void lockUntilTheTransactionEnds(long key) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1) IS NULL")
                .setParameter(1, key)
                .getSingleResult();
    }

    /** Stores a customer in the current transaction (joins it). */
    public void create(String name) {
        em.persist(new Customer(name));
    }

    public boolean exists(String name) {
        return !em.createQuery("SELECT c FROM Customer c WHERE c.name = :name", Customer.class)
                .setParameter("name", name)
                .getResultList()
                .isEmpty();
    }

    /**
     * Stores a customer, enqueues a job that greets it, then renames it, all in one transaction: a job that gets
     * the entity by reference greets the new name, one that got a copy would greet the old one.
     */
    public Customer createGreetAndRename(String name, String newName, String marker) {
        Customer customer = new Customer(name);
        em.persist(customer);
        em.flush();
        jobs.greet(customer, marker);
        customer.rename(newName);
        return customer;
    }
}
