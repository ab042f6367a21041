package org.queuejob.application;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Objects;
import org.queuejob.domain.model.job.JobEta;
import org.queuejob.domain.model.job.JobSort;

/**
 * Where a keyset page of jobs ends: the sort column's value and the id of its last job, for the next page to start
 * after. Opaque to clients (base64url); it names its sort, so a cursor cannot be used with another.
 */
public record JobCursor(JobSort sort, boolean ascending, Object value, long id) {

    private static final String VERSION = "c1";
    private static final String NULL = "~";

    public JobCursor {
        Objects.requireNonNull(sort, "A sort is required.");
    }

    /** The cursor after {@code job} in this sort. */
    static JobCursor after(JobSort sort, boolean ascending, org.queuejob.domain.model.job.QueueJob job) {
        Object value = switch (sort) {
            case DATE_CREATED -> job.dateCreated();
            case DATE_DONE -> job.dateDone();
            case PRIORITY -> job.priority();
            case STATE -> job.state();
            case CHANNEL -> job.channel();
            case DESCRIPTION -> job.description();
            case JOB_FUNCTION -> job.jobFunction();
            case ETA -> job.eta();
            case EXEC_TIME -> job.execTimeMillis();
            case EXCEPTION -> job.excName();
            case USER -> job.userName();
        };
        return new JobCursor(sort, ascending, value, job.id());
    }

    public String encode() {
        String text = String.join(
                "|",
                VERSION,
                sort.name(),
                ascending ? "a" : "d",
                String.valueOf(id),
                value == null ? NULL : "=" + value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor made by {@link #encode()} for the same sort and direction; refused with a sentence otherwise. */
    public static JobCursor decode(String cursor, JobSort sort, boolean ascending) {
        String text;
        try {
            // Strict: bytes that are not UTF-8 were not written by encode(), and are refused rather than replaced.
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Base64.getUrlDecoder().decode(cursor)))
                    .toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw malformed();
        }
        if (text.indexOf('\u0000') >= 0) {
            // No stored value holds NUL (PostgreSQL's text refuses it): the query would fail on it, not just find
            // nothing.
            throw malformed();
        }
        String[] parts = text.split("\\|", 5);
        if (parts.length != 5 || !VERSION.equals(parts[0])) {
            throw malformed();
        }
        if (!parts[1].equals(sort.name()) || !parts[2].equals(ascending ? "a" : "d")) {
            throw new InvalidRequestException("This cursor belongs to another sort order: use it with the sort and"
                    + " order of the page that gave it, or start again without a cursor.");
        }
        try {
            long id = Long.parseLong(parts[3]);
            Object value = parts[4].equals(NULL) ? null : value(sort, parts[4].substring(1));
            return new JobCursor(sort, ascending, value, id);
        } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw malformed();
        } catch (IllegalArgumentException e) {
            // An instant no job holds (past the years 1 to 9999): not a cursor this API gave.
            throw malformed();
        }
    }

    private static Object value(JobSort sort, String text) {
        return switch (sort) {
            case DATE_CREATED, DATE_DONE, ETA -> JobEta.requireValid(Instant.parse(text));
            case PRIORITY -> Integer.valueOf(text);
            case EXEC_TIME -> Long.valueOf(text);
            case STATE -> org.queuejob.domain.model.job.JobState.valueOf(text);
            default -> text;
        };
    }

    private static InvalidRequestException malformed() {
        return new InvalidRequestException(
                "The cursor is not one this API gave: pass the 'next' value of the" + " previous page unchanged.");
    }
}
