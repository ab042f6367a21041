package org.queuejob.domain.model.recurring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where recurring jobs live; joins the caller's transaction. */
public interface RecurringJobRepository {

    /** Every record, by name. */
    List<RecurringJob> all();

    Optional<RecurringJob> find(long id);

    Optional<RecurringJob> findByName(String name);

    /** Adds a new record, written at once: its id is known, and a name another transaction took meanwhile fails here. */
    void add(RecurringJob job);

    void remove(RecurringJob job);

    /**
     * The record's last job (its last tick's or its last "run now"'s) and that job's state as committed now, with the
     * record's row locked until the caller's transaction ends; empty when the record has none, or its job no longer
     * exists (deleted by the autovacuum, say). Read in a tick's claiming transaction, before the claim: a "run now"
     * or another server's claim of the same record waits for this transaction, so the job read is still the last one
     * when the tick is claimed.
     */
    Optional<LastJob> lockLastJob(long id);

    /** The ids of the enabled records whose next run is at or before {@code now}. */
    List<Long> dueAt(Instant now);

    /**
     * Moves a record's next run from {@code due} to {@code nextRun} (null: it fires no more) and records the tick's
     * job, or why there is none ({@code job} null, {@code error} the reason or null for a skipped tick), in the
     * caller's transaction: a conditional update, so of several transactions claiming the same tick exactly one
     * gets {@code true}; the others (and a claim of a record disabled or rescheduled meanwhile) get {@code false} and
     * must enqueue nothing.
     */
    boolean claimTick(long id, Instant due, Instant nextRun, Instant tick, UUID job, String error, Instant now);
}
