package org.queuejob.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class JobCsvTest {

    @Test
    void fieldsAreQuoted_quotesDoubled_nullsEmpty() {
        assertThat(JobCsv.line(Arrays.asList("a", "say \"hi\"", null, "x,y")))
                .isEqualTo("\"a\",\"say \"\"hi\"\"\",,\"x,y\"\r\n");
    }

    @Test
    void formulaLikeFields_getAnApostrophe_soSpreadsheetsDoNotRunThem() {
        assertThat(JobCsv.quote("=1+1")).isEqualTo("\"'=1+1\"");
        assertThat(JobCsv.quote("+cmd")).isEqualTo("\"'+cmd\"");
        assertThat(JobCsv.quote("-2")).isEqualTo("\"'-2\"");
        assertThat(JobCsv.quote("@sum")).isEqualTo("\"'@sum\"");
        // OWASP: a leading tab or carriage return can hide a formula behind it in some spreadsheets.
        assertThat(JobCsv.quote("\t=1+1")).isEqualTo("\"'\t=1+1\"");
        assertThat(JobCsv.quote("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(JobCsv.quote("plain")).isEqualTo("\"plain\"");
    }
}
