package org.queuejob.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.job.JobSort;

class JobCursorTest {

    @Test
    void encodedCursor_decodesToTheSameSortValueAndId() {
        Instant created = Instant.parse("2026-11-30T02:13:03.123456Z");
        JobCursor cursor = new JobCursor(JobSort.DATE_CREATED, false, created, 42);

        JobCursor decoded = JobCursor.decode(cursor.encode(), JobSort.DATE_CREATED, false);

        assertThat(decoded).isEqualTo(cursor);
    }

    @Test
    void nullSortValue_andTextWithTheSeparator_surviveTheRoundTrip() {
        JobCursor noEta = new JobCursor(JobSort.ETA, true, null, 7);
        JobCursor text = new JobCursor(JobSort.DESCRIPTION, true, "a|b ~ c", 8);

        assertThat(JobCursor.decode(noEta.encode(), JobSort.ETA, true)).isEqualTo(noEta);
        assertThat(JobCursor.decode(text.encode(), JobSort.DESCRIPTION, true)).isEqualTo(text);
    }

    @Test
    void cursorOfAnotherSortOrDirection_isRefusedWithASentence() {
        String cursor = new JobCursor(JobSort.PRIORITY, true, 10, 1).encode();

        assertThatThrownBy(() -> JobCursor.decode(cursor, JobSort.DATE_CREATED, true))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("This cursor belongs to another sort order");
        assertThatThrownBy(() -> JobCursor.decode(cursor, JobSort.PRIORITY, false))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void garbage_isRefusedAsNotACursorOfThisApi() {
        assertThatThrownBy(() -> JobCursor.decode("garbage", JobSort.DATE_CREATED, false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("The cursor is not one this API gave");
        assertThatThrownBy(() -> JobCursor.decode("!!!", JobSort.DATE_CREATED, false))
                .isInstanceOf(InvalidRequestException.class);
    }

    /** Crafted: an instant PostgreSQL cannot compare with (a 500 from the query), or a state that does not exist. */
    @Test
    void aCursorNoPageCouldHaveGiven_isRefusedAsNotACursorOfThisApi() {
        String farFuture =
                new JobCursor(JobSort.DATE_CREATED, false, Instant.parse("+300000-01-01T00:00:00Z"), 1).encode();
        String sleeping = new JobCursor(JobSort.STATE, true, "SLEEPING", 1).encode();

        assertThatThrownBy(() -> JobCursor.decode(farFuture, JobSort.DATE_CREATED, false))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("The cursor is not one this API gave");
        assertThatThrownBy(() -> JobCursor.decode(sleeping, JobSort.STATE, true))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("The cursor is not one this API gave");
    }

    /** Tampered: PostgreSQL refuses NUL in text, and bytes that are not UTF-8 were never written by encode(). */
    @Test
    void aCursorWithNulOrBytesThatAreNotUtf8_isRefusedAsNotACursorOfThisApi() {
        String withNul = new JobCursor(JobSort.CHANNEL, true, "root\u0000mail", 1).encode();
        byte[] valid = "c1|CHANNEL|a|1|=root".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(valid, valid.length + 2);
        bytes[valid.length] = (byte) 0xC3; // a lead byte followed by no continuation byte
        bytes[valid.length + 1] = (byte) 0x28;
        String notUtf8 = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> JobCursor.decode(withNul, JobSort.CHANNEL, true))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("The cursor is not one this API gave");
        assertThatThrownBy(() -> JobCursor.decode(notUtf8, JobSort.CHANNEL, true))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("The cursor is not one this API gave");
    }
}
