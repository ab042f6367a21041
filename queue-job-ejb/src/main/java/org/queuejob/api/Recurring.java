package org.queuejob.api;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Enqueues a job of this {@link Job} method on a cron schedule: one job per tick in the whole cluster, however many
 * servers run the application.
 *
 * <pre>{@code
 * @Job(channel = "root.reports")
 * @Recurring(cron = "0 0 6 * * MON-FRI", zone = "Europe/Brussels")
 * public void morningReport() { ... }
 * }</pre>
 *
 * <p>The cron expression has Spring's six fields, {@code second minute hour day-of-month month day-of-week} (also
 * {@code L}, {@code W}, {@code #}, names such as {@code MON}, and {@code @daily} and its kin). A malformed expression
 * or an unknown zone fails the deployment with a message naming the method and the expression.
 *
 * <p>A method with parameters takes its arguments from MicroProfile Config, as a JSON array in the parameters' order:
 * {@code queue-job.recurring.<name>.arguments=["eu", 3]} (the name is {@link #name()}, by default {@code
 * fully.qualified.Bean.method}); without it the deployment fails saying which key to set. The same prefix may override
 * {@code cron}, {@code zone}, {@code enabled} and {@code allow-overlap} per environment (an {@code enabled} set there
 * applies at every deployment; otherwise staff's enable/disable stays).
 *
 * <p>The record this makes is the back office's "Recurring jobs" screen's: staff may disable and enable it and run it
 * now; its schedule follows the code (and configuration) at each deployment, while disabled stays disabled.
 */
@Documented
@Retention(RUNTIME)
@Target(METHOD)
public @interface Recurring {

    /** The schedule: six fields, {@code second minute hour day-of-month month day-of-week}. */
    String cron();

    /** The time zone the schedule is read in (a region such as {@code Europe/Brussels}); default UTC. */
    String zone() default "UTC";

    /** What ticks nobody enqueued in time (all servers down) do; by default they are skipped. */
    Missed missed() default Missed.SKIP;

    /** The record's name; empty means {@code fully.qualified.Bean.method}. */
    String name() default "";

    /** Whether a new record ticks; staff's choice wins once the record exists (unless configuration sets it). */
    boolean enabled() default true;

    /**
     * Whether runs may overlap. By default ({@code false}) a tick whose previous run has not ended (its job, or the
     * last "Run now" job, is waiting for dependencies, pending, enqueued or started) enqueues nothing: the schedule
     * moves on to the next tick, and the record's last error says which tick was skipped and why. So a job every
     * minute that runs for five does not run five at once, nor pile up a backlog. {@code true}: every tick enqueues
     * its job, whatever the previous one is doing. Applied to the record at each deployment, as the schedule; {@code
     * queue-job.recurring.<name>.allow-overlap} overrides it.
     */
    boolean allowOverlap() default false;

    /** Ticks missed while no server ran (or more than a minute late). */
    enum Missed {
        /** They enqueue nothing; the schedule goes on from the next tick. */
        SKIP,
        /** One job is enqueued for the latest of them, then the schedule goes on. */
        RUN_ONCE
    }
}
