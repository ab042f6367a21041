/**
 * Recurring jobs: a cron schedule in a time zone that enqueues one job of a job function per tick. {@link
 * org.queuejob.domain.model.recurring.CronSchedule} is the schedule (cron-utils' Spring dialect, with the daylight-
 * saving rules of the README), {@link org.queuejob.domain.model.recurring.TickPlan} what a due record does now under
 * its {@link org.queuejob.domain.model.recurring.MissedTicks} policy, and {@link
 * org.queuejob.domain.model.recurring.RecurringJob} the record, kept in a {@link
 * org.queuejob.domain.model.recurring.RecurringJobRepository} whose tick claim is what makes a tick enqueue exactly
 * once in a cluster. A record whose runs may not overlap (the default) holds a tick back while its {@link
 * org.queuejob.domain.model.recurring.LastJob} has not ended.
 */
package org.queuejob.domain.model.recurring;
