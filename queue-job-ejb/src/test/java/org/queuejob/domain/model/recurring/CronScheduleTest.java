package org.queuejob.domain.model.recurring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronScheduleTest {

    private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

    /** The ticks after {@code from} (local Brussels time) up to {@code until}, as offset date-times. */
    private static List<String> ticks(String cron, String from, String until) {
        CronSchedule schedule = CronSchedule.parse(cron, "Europe/Brussels");
        Instant end = local(until);
        List<String> ticks = new ArrayList<>();
        for (Instant tick = schedule.next(local(from)).orElseThrow();
                !tick.isAfter(end);
                tick = schedule.next(tick).orElseThrow()) {
            ticks.add(OffsetDateTime.ofInstant(tick, BRUSSELS).toString());
        }
        return ticks;
    }

    private static Instant local(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BRUSSELS)
                .toInstant();
    }

    @Test
    void everyFiveMinutes_ticksOnTheFiveMinutesOfTheZone() {
        assertThat(ticks("0 */5 * * * *", "2026-06-01T10:01", "2026-06-01T10:16"))
                .containsExactly("2026-06-01T10:05+02:00", "2026-06-01T10:10+02:00", "2026-06-01T10:15+02:00");
    }

    @Test
    void daily0230_onTheSpringForwardDay_runsOnceAtTheChange_andNormallyTheDaysAround() {
        // 2026-03-29: Brussels goes from 02:00 CET straight to 03:00 CEST; 02:30 does not exist that day.
        assertThat(ticks("0 30 2 * * *", "2026-03-27T12:00", "2026-03-30T12:00"))
                .containsExactly("2026-03-28T02:30+01:00", "2026-03-29T03:00+02:00", "2026-03-30T02:30+02:00");
    }

    @Test
    void daily0230_onTheFallBackDay_runsOnce_atTheFirst0230() {
        // 2026-10-25: 02:00–03:00 happens twice (CEST, then CET).
        assertThat(ticks("0 30 2 * * *", "2026-10-24T12:00", "2026-10-26T12:00"))
                .containsExactly("2026-10-25T02:30+02:00", "2026-10-26T02:30+01:00");
    }

    @Test
    void everyFifteenMinutes_acrossSpringForward_keepsAFifteenMinutePaceWithoutAGapOrADouble() {
        assertThat(ticks("0 */15 * * * *", "2026-03-29T01:20", "2026-03-29T03:20"))
                .containsExactly(
                        "2026-03-29T01:30+01:00",
                        "2026-03-29T01:45+01:00",
                        "2026-03-29T03:00+02:00",
                        "2026-03-29T03:15+02:00");
    }

    @Test
    void everyFifteenMinutes_acrossFallBack_ticksThroughBothHours() {
        assertThat(ticks("0 */15 * * * *", "2026-10-25T01:50", "2026-10-25T03:00"))
                .containsExactly(
                        "2026-10-25T02:00+02:00",
                        "2026-10-25T02:15+02:00",
                        "2026-10-25T02:30+02:00",
                        "2026-10-25T02:45+02:00",
                        "2026-10-25T02:00+01:00",
                        "2026-10-25T02:15+01:00",
                        "2026-10-25T02:30+01:00",
                        "2026-10-25T02:45+01:00",
                        "2026-10-25T03:00+01:00");
    }

    @Test
    void theSameCronInAnotherZone_ticksAtThatZonesLocalTime() {
        CronSchedule utc = CronSchedule.parse("0 0 9 * * *", "UTC");
        CronSchedule tokyo = CronSchedule.parse("0 0 9 * * *", "Asia/Tokyo");
        Instant from = Instant.parse("2026-06-01T10:00:00Z");
        assertThat(utc.next(from)).contains(Instant.parse("2026-06-02T09:00:00Z"));
        assertThat(tokyo.next(from)).contains(Instant.parse("2026-06-02T00:00:00Z"));
    }

    @Test
    void blankZone_isUtc() {
        assertThat(CronSchedule.parse("0 0 9 * * *", " ").zone().getId()).isEqualTo("Z");
    }

    @Test
    void latestDue_isTheLastTickAtOrBeforeNow_notBeforeTheGivenTick() {
        CronSchedule schedule = CronSchedule.parse("0 */5 * * * *", "UTC");
        Instant due = Instant.parse("2026-06-01T10:05:00Z");
        assertThat(schedule.latestDue(due, Instant.parse("2026-06-01T13:07:30Z")))
                .contains(Instant.parse("2026-06-01T13:05:00Z"));
        assertThat(schedule.latestDue(due, Instant.parse("2026-06-01T10:05:00Z")))
                .contains(due);
        assertThat(schedule.latestDue(due, Instant.parse("2026-06-01T10:04:59Z")))
                .isEmpty();
    }

    @Test
    void malformedCron_isRefusedNamingTheExpression() {
        assertThatThrownBy(() -> CronSchedule.parse("0 */5 * * *", "UTC"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageStartingWith("The cron expression '0 */5 * * *' is not valid: ")
                .hasMessageContaining("5 parts")
                .hasMessageContaining("Write six fields");
        assertThatThrownBy(() -> CronSchedule.parse("0 61 * * * *", "UTC"))
                .hasMessageContaining("'0 61 * * * *'")
                .hasMessageContaining("61");
        assertThatThrownBy(() -> CronSchedule.parse("every monday", "UTC")).hasMessageContaining("'every monday'");
    }

    @Test
    void cronThatNeverFires_isRefused() {
        assertThatThrownBy(() -> CronSchedule.parse("0 0 0 30 2 *", "UTC"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("The cron expression '0 0 0 30 2 *' never fires (no date matches it).");
    }

    @Test
    void blankCron_isRefusedWithAnExample() {
        assertThatThrownBy(() -> CronSchedule.parse("  ", "UTC"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageContaining("required");
    }

    @Test
    void unknownZone_isRefusedNamingIt() {
        assertThatThrownBy(() -> CronSchedule.parse("0 0 9 * * *", "Europe/Brusels"))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessageStartingWith("The time zone 'Europe/Brusels' is not known");
    }

    @Test
    void aLongTextGivenAsTheZone_isNamedByItsBeginningOnly() {
        String pasted = "Europe/" + "x".repeat(10_000);

        assertThatThrownBy(() -> CronSchedule.parse("0 0 9 * * *", pasted))
                .isInstanceOf(InvalidScheduleException.class)
                .hasMessage("The time zone '" + pasted.substring(0, 40) + "…' is not known: give a region such as"
                        + " 'Europe/Brussels' or 'UTC'.");
    }
}
