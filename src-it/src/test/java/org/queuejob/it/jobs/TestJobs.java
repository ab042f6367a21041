package org.queuejob.it.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.queuejob.api.Job;
import org.queuejob.api.JobContext;
import org.queuejob.api.RetryableJobException;

/** Job functions of the test application; each records its runs in {@link ExecutionLog}. */
@ApplicationScoped
public class TestJobs {

    @Inject
    ExecutionLog log;

    @Inject
    Customers customers;

    @Inject
    Gate gate;

    @Inject
    JobContext context;

    /** The application's EntityManager (produced by {@link Customers}): it joins whatever transaction there is. */
    @Inject
    EntityManager em;

    @Job(description = "Echo a marker")
    public String echo(String marker) {
        log.record(marker);
        return "echo: " + marker;
    }

    /** Its result, or its exception's message, holds a NUL, which PostgreSQL cannot store in text. */
    @Job
    public String nulText(String marker, boolean fail) {
        log.record(marker);
        String text = "before\u0000after " + marker;
        if (fail) {
            throw new IllegalStateException(text);
        }
        return text;
    }

    @Job
    public void explode(String marker) {
        log.record(marker);
        throw new IllegalArgumentException("Boom <b>" + marker + "</b>");
    }

    @Job
    public String greet(Customer customer, String marker) {
        log.record(marker);
        return "Hello " + customer.name();
    }

    @Job(maxRetries = 2)
    public void notYet(String marker) {
        log.record(marker);
        throw new RetryableJobException("Not yet: " + marker, Duration.ZERO);
    }

    /**
     * Asks for a retry the database could not store as asked: a NUL in its message, or a delay that puts its next try
     * past the year 9999.
     */
    @Job(maxRetries = 5)
    public void retryBadly(String marker, boolean pastTheYear9999) {
        log.record(marker);
        if (pastTheYear9999) {
            throw new RetryableJobException("Much later: " + marker, Duration.ofDays(3_000_000));
        }
        throw new RetryableJobException("gateway said \u0000 " + marker, Duration.ofHours(1));
    }

    /** Asks for a retry without a delay, so the retry pattern decides. */
    @Job(maxRetries = 3, retryPattern = "{1: 5, 2: (7, 9)}")
    public void patterned(String marker) {
        log.record(marker);
        throw new RetryableJobException("Again: " + marker);
    }

    /** Writes a customer in the job's transaction, then waits at the gate before the job can be marked done. */
    @Job
    public void createCustomerAtTheGate(String name) throws InterruptedException {
        customers.create(name);
        gate.pass();
    }

    /**
     * Stores a customer in the job's transaction, then waits at the gate, which the test opens only once the job has
     * run past its timeout of one second (it-microprofile-config.properties): the customer must not be kept.
     */
    @Job
    public void createCustomerPastTheTimeout(String name) throws InterruptedException {
        log.record(name);
        customers.create(name);
        gate.pass();
    }

    /**
     * Stores a customer in the job's transaction, then waits for two minutes: far past its timeout of one second (its
     * annotation's), at which its server interrupts it (it-microprofile-config.properties). The customer must not be
     * kept.
     */
    @Job(timeoutSeconds = 1)
    public void createCustomerThenWaitPastTheTimeout(String name) throws InterruptedException {
        log.record(name);
        customers.create(name);
        if (!new CountDownLatch(1).await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Waited two minutes and was never interrupted: " + name);
        }
    }

    /**
     * Holds the advisory lock {@code key} in the job's transaction, then waits two minutes for an interrupt: the lock
     * shows from outside whether the run, and its transaction, go on (LeaveIT).
     */
    @Job
    public void holdLockUntilInterrupted(long key) throws InterruptedException {
        customers.lockUntilTheTransactionEnds(key);
        if (!new CountDownLatch(1).await(2, TimeUnit.MINUTES)) {
            throw new IllegalStateException("Waited two minutes and was never interrupted");
        }
    }

    /** Waits at the gate, then asks to be tried again in an hour. */
    @Job
    public void retryLaterAtTheGate(String marker) throws InterruptedException {
        log.record(marker);
        gate.pass();
        throw new RetryableJobException("Later: " + marker, Duration.ofHours(1));
    }

    @Job
    public String step(String graph, String name) {
        log.step(graph, name);
        return name;
    }

    /** A step that fails. */
    @Job
    public void failingStep(String graph, String name) {
        log.step(graph, name);
        throw new IllegalStateException("Step " + name + " failed");
    }

    /**
     * Answers the state of its own row as it runs, read in its transaction: "started" when its run was marked started
     * before it began, else "enqueued" (a run is marked a second after it began).
     */
    @Job
    public String ownState() {
        return (String) em.createNativeQuery("SELECT state FROM queue_job WHERE uuid = CAST(?1 AS uuid)")
                .setParameter(1, context.jobUuid().orElseThrow().toString())
                .getSingleResult();
    }

    /** Answers what the job context says: "uuid attempt". */
    @Job
    public String whoAmI() {
        return context.jobUuid().map(UUID::toString).orElse("none") + " " + context.attempt();
    }

    @Job
    public void read(InputStream stream) {
        throw new AssertionError("never stored, so never run");
    }

    /** Takes anything; its result says what reached it: "type:value". */
    @Job
    public String keep(Object value) {
        return value.getClass().getName() + ":" + value;
    }

    /** Not a job: a stored row naming it must never make the queue call it. */
    public void notAJob(String marker) {
        log.record(marker);
    }

    /** Writes with JPA in the transaction it runs in, and opens none of its own. */
    @Job
    public void register(String customerName) {
        em.persist(new Customer(customerName));
    }

    /** Writes with JPA, then fails: its write must go with its transaction. */
    @Job
    public void registerThenFail(String customerName) {
        em.persist(new Customer(customerName));
        em.flush();
        throw new IllegalStateException("Refused " + customerName);
    }

    /** Runs in a channel of capacity 1 (see it-microprofile-config.properties). */
    @Job(channel = "root.serial")
    public void serial(String group) {
        log.during(group, 300);
    }

    /**
     * Waits at the gate in the channel of capacity 1, and is not interrupted when cancelled while it runs
     * (it-microprofile-config.properties): it runs on until the test opens the gate.
     */
    @Job(channel = "root.serial")
    public void serialAtTheGate(String marker) throws InterruptedException {
        log.record(marker);
        gate.pass();
    }

    /** Runs in a channel the tests pause and resume. */
    @Job(channel = "root.pausable")
    public void pausable(String marker) {
        log.record(marker);
    }

    @Job
    public void parallel(String group) {
        log.during(group, 300);
    }

    @Job
    public void store(String text) {
        log.record(text);
    }

    /** A function the job-function tests edit (channel, retry pattern); asks for a retry without a delay. */
    @Job
    public void editable(String marker) {
        log.record(marker);
        throw new RetryableJobException("Edited: " + marker);
    }

    /** Has a related action: the customer page of its argument. */
    @Job(relatedAction = "openCustomer")
    public void related(String customerName) {
        log.record(customerName);
    }

    /** Answers the context values the job runs with: "locale|tz|tenant (restored: tenant)". */
    @Job
    public String contextReport() {
        return context.locale().map(Locale::toLanguageTag).orElse("-")
                + "|" + context.timeZone().map(ZoneId::getId).orElse("-")
                + "|" + context.value(TenantValue.KEY).orElse("-")
                + " (restored: " + TenantValue.current().orElse("-") + ")";
    }
}
