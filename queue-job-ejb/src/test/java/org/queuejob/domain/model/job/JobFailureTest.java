package org.queuejob.domain.model.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What is kept of a job's exception, whatever the exception's own code does. */
class JobFailureTest {

    /** An exception whose message cannot be read: its getMessage() throws, and toString() with it. */
    static final class UnreadableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableException(Throwable cause) {
            super(cause);
        }

        @Override
        public String getMessage() {
            throw new IllegalStateException("lazy field not loaded");
        }
    }

    /** Its message is fine, its toString() throws: printStackTrace() calls it. */
    static final class UnprintableException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnprintableException(String message) {
            super(message);
        }

        @Override
        public String toString() {
            throw new UnsupportedOperationException("no toString");
        }
    }

    @Test
    void anExceptionWhoseMessageThrowsIsRecordedWithASentenceSayingSo() {
        JobFailure failure = JobFailure.of(new UnreadableException(null));

        assertThat(failure.exceptionName()).isEqualTo(UnreadableException.class.getName());
        assertThat(failure.message())
                .isEqualTo("(the exception's message could not be read: java.lang.IllegalStateException: lazy field "
                        + "not loaded)");
        assertThat(failure.stackTrace())
                .contains(UnreadableException.class.getName())
                .contains("\tat " + JobFailureTest.class.getName());
    }

    @Test
    void aCauseWhoseToStringThrowsStillLeavesAStackTrace() {
        JobFailure failure = JobFailure.of(new IllegalStateException("outer", new UnprintableException("inner")));

        assertThat(failure.message()).isEqualTo("outer");
        assertThat(failure.stackTrace())
                .startsWith("java.lang.IllegalStateException: outer")
                .contains("Caused by: " + UnprintableException.class.getName() + ": inner")
                .contains("which threw java.lang.UnsupportedOperationException: no toString");
    }

    @Test
    void aHugeMessageIsCutWithAMarker_asTheStackTraceIs() {
        JobFailure failure = JobFailure.of(new IllegalStateException("m".repeat(RunText.MAX_CHARS + 5)));

        assertThat(failure.message()).startsWith("mmm").endsWith("... (5 more characters left out)");
        assertThat(failure.message().length()).isLessThan(RunText.MAX_CHARS + 100);
        assertThat(failure.stackTrace()).endsWith(" more characters left out)");
        assertThat(failure.stackTrace().length()).isLessThan(RunText.MAX_CHARS + 100);
    }
}
