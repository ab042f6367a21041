package org.queuejob.domain.model.recurring;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;
import java.util.Optional;
import org.queuejob.domain.model.job.StoredText;

/**
 * A cron expression in a time zone: the ticks of a recurring job, as instants.
 *
 * <p>The dialect is Spring's six fields, {@code second minute hour day-of-month month day-of-week} (cron-utils'
 * {@code SPRING53}: also {@code L}, {@code W}, {@code #}, {@code ?}, names such as {@code MON} and {@code JAN}, and the
 * macros {@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly}). cron-utils parses it and
 * finds the next execution; this class adds the rule it lacks for daylight saving:
 *
 * <ul>
 *   <li>When the clocks go forward, a tick whose local time does not exist that day (a daily 02:30 in
 *       Europe/Brussels on the last Sunday of March) happens at the change itself (03:00 local), once: a daily job
 *       still runs that day, and a job every 15 minutes simply goes on (01:45, 03:00, 03:15).
 *   <li>When the clocks go back, a local time that occurs twice ticks once for a daily schedule (the first time), and
 *       schedules that name every minute or hour keep their pace through both hours (cron-utils' behaviour).
 * </ul>
 */
public final class CronSchedule {

    /** The longest cron expression kept (the column's size). */
    public static final int MAX_LENGTH = 255;

    static final String NOT_VALID = "The cron expression '%s' is not valid: %s. Write six fields, second minute hour"
            + " day-of-month month day-of-week, e.g. '0 */5 * * * *' for every five minutes.";
    static final String NEVER = "The cron expression '%s' never fires (no date matches it).";
    static final String EMPTY = "A cron expression is required, e.g. '0 */5 * * * *' for every five minutes.";
    static final String TOO_LONG = "The cron expression '%s…' is longer than " + MAX_LENGTH + " characters.";
    private static final int ZONE_SHOWN_WHOLE = 60;

    static final String UNKNOWN_ZONE =
            "The time zone '%s' is not known: give a region such as 'Europe/Brussels' or" + " 'UTC'.";

    private static final CronParser PARSER =
            new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

    /** Whether an expression fires at all is checked from here (no expression of the dialect names a year). */
    private static final ZonedDateTime PROBE = ZonedDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final String expression;
    private final ZoneId zone;
    private final ExecutionTime executions;

    private CronSchedule(String expression, ZoneId zone, ExecutionTime executions) {
        this.expression = expression;
        this.zone = zone;
        this.executions = executions;
    }

    /**
     * The schedule of {@code cron} in {@code zone}.
     *
     * @throws InvalidScheduleException naming the expression or the zone, when it is malformed or never fires, or the
     *     zone is not known
     */
    public static CronSchedule parse(String cron, String zone) {
        return new CronSchedule(checked(cron), zone(zone), executions(checked(cron)));
    }

    /** The zone of {@code id}; blank is UTC. */
    public static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new InvalidScheduleException(String.format(UNKNOWN_ZONE, shownZone(id.strip())), e);
        }
    }

    /**
     * The zone as typed, for the message: cut after 40 characters when it is longer than any zone's name (the longest
     * are some 30), so that pasted text does not come back whole.
     */
    private static String shownZone(String typed) {
        return typed.length() > ZONE_SHOWN_WHOLE ? StoredText.prefix(typed, 40) + "…" : typed;
    }

    private static String checked(String cron) {
        if (cron == null || cron.isBlank()) {
            throw new InvalidScheduleException(EMPTY, null);
        }
        String stripped = cron.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidScheduleException(String.format(TOO_LONG, StoredText.prefix(stripped, 40)), null);
        }
        return stripped;
    }

    private static ExecutionTime executions(String cron) {
        ExecutionTime executions;
        try {
            Cron parsed = PARSER.parse(cron);
            parsed.validate();
            executions = ExecutionTime.forCron(parsed);
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException(String.format(NOT_VALID, cron, reason(e)), e);
        }
        if (executions.nextExecution(PROBE).isEmpty()) {
            throw new InvalidScheduleException(String.format(NEVER, cron), null);
        }
        return executions;
    }

    /** cron-utils' own sentence, without its trailing period (the message adds its own). */
    private static String reason(IllegalArgumentException e) {
        String message =
                e.getMessage() == null ? "it cannot be read" : e.getMessage().strip();
        message = message.replace("Failed to parse cron expression. ", "");
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    public String expression() {
        return expression;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first tick strictly after {@code after}; empty when the expression fires no more. */
    public Optional<Instant> next(Instant after) {
        Optional<Instant> regular = executions
                .nextExecution(after.atZone(zone))
                .map(ZonedDateTime::toInstant)
                .filter(tick -> tick.isAfter(after));
        ZoneRules rules = zone.getRules();
        for (ZoneOffsetTransition change = rules.nextTransition(after);
                change != null
                        && (regular.isEmpty() || change.getInstant().isBefore(regular.get()))
                        && change.getInstant().isBefore(after.plusSeconds(400L * 24 * 3600));
                change = rules.nextTransition(change.getInstant())) {
            if (change.isGap() && firesInGap(change)) {
                return Optional.of(change.getInstant());
            }
        }
        return regular;
    }

    /** Whether a local time skipped by {@code gap} matches the expression (read at the offset before the change). */
    private boolean firesInGap(ZoneOffsetTransition gap) {
        LocalDateTime skippedFrom = gap.getDateTimeBefore();
        return executions
                .nextExecution(skippedFrom.minusSeconds(1).atZone(gap.getOffsetBefore()))
                .map(ZonedDateTime::toLocalDateTime)
                .filter(local -> !local.isBefore(skippedFrom) && local.isBefore(gap.getDateTimeAfter()))
                .isPresent();
    }

    /**
     * The latest tick at or before {@code now} that is not before {@code notBefore}; empty when there is none. Walks
     * from the expression's last execution before {@code now}, not from {@code notBefore}: a record left for months
     * costs a few steps, not one per missed tick.
     */
    public Optional<Instant> latestDue(Instant notBefore, Instant now) {
        if (notBefore.isAfter(now)) {
            return Optional.empty();
        }
        Instant from = notBefore.minusNanos(1);
        Optional<Instant> lastBefore = executions
                .lastExecution(now.atZone(zone))
                .map(ZonedDateTime::toInstant)
                // A tick the daylight-saving rule adds lies after the regular tick before it: next() finds it.
                .map(last -> last.minusNanos(1));
        if (lastBefore.isPresent() && lastBefore.get().isAfter(from)) {
            from = lastBefore.get();
        }
        Optional<Instant> latest = Optional.empty();
        for (Optional<Instant> tick = next(from);
                tick.isPresent() && !tick.get().isAfter(now);
                tick = next(tick.get())) {
            latest = tick;
        }
        return latest;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronSchedule that && expression.equals(that.expression) && zone.equals(that.zone);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expression, zone);
    }

    @Override
    public String toString() {
        return expression + " (" + zone.getId() + ")";
    }
}
