package org.queuejob.web.format;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import org.queuejob.domain.model.autovacuum.AutovacuumPace;
import org.queuejob.domain.model.autovacuum.LoadYield;

/** Short forms of an autovacuum run's figures: durations, counts, rates and the schedule. */
public final class RunTexts {

    private RunTexts() {}

    /** {@code 12.3 s}, {@code 4 min 05 s}, {@code 2 h 07 min}. */
    public static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** {@code 1,234,567}. */
    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** Jobs per second, over the wall time and over the working time: {@code 850/s (8,500/s working)}. */
    public static String rate(double perSecond, double perWorkingSecond) {
        return String.format(Locale.ROOT, "%,.0f/s (%,.0f/s working)", perSecond, perWorkingSecond);
    }

    /** {@code 0.07} becomes {@code 7}: the decimal the setting was written with, not its binary approximation. */
    static String percent(double share) {
        return BigDecimal.valueOf(share).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** How bulk actions work, in one sentence. */
    public static String pace(AutovacuumPace pace, LoadYield yielding) {
        return String.format(
                Locale.ROOT,
                "Bulk actions run as batch jobs on the server, %s jobs per transaction%s%s; each is recorded in the"
                        + " database, so every server shows it, and it resumes after its last chunk when stopped or when"
                        + " its server restarts.",
                count(pace.chunkSize()),
                pace.maxDuty() >= 1 ? "" : ", working at most " + percent(pace.maxDuty()) + "% of the time",
                whileBusy(pace, yielding));
    }

    /** How far a paced run gives way to busy workers, as a clause; empty when it does not. */
    private static String whileBusy(AutovacuumPace pace, LoadYield yielding) {
        double busy = yielding.dutyAt(pace, 1);
        return busy < pace.maxDuty()
                ? ", down to " + percent(busy) + "% while the workers of the server running it are busy"
                : "";
    }

    /** What the daily run does, in one sentence. */
    public static String schedule(
            boolean enabled, LocalTime time, ZoneId zone, AutovacuumPace pace, LoadYield yielding) {
        String how = String.format(
                Locale.ROOT,
                "%s jobs per transaction, working at most %s%% of the time%s.",
                count(pace.chunkSize()),
                percent(pace.maxDuty()),
                whileBusy(pace, yielding));
        if (!enabled) {
            return "The daily run is off (queue-job.autovacuum.enabled=false): runs start by hand only, " + how;
        }
        return String.format(
                Locale.ROOT,
                "Daily at %s (%s), on one server of the cluster at a time: done and cancelled jobs older than their"
                        + " channel's removal interval are deleted, a graph only whole; %s",
                time,
                zone.getId(),
                how);
    }
}
