package org.queuejob.web.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobTextsTest {

    @Test
    void simpleFunctionName_keepsBeanAndMethod() {
        assertThat(JobTexts.simpleFunctionName("org.queuejob.sample.SampleJobs.sendNewsletter"))
                .isEqualTo("SampleJobs.sendNewsletter");
        assertThat(JobTexts.simpleFunctionName("Jobs.run")).isEqualTo("Jobs.run");
        assertThat(JobTexts.simpleFunctionName("run")).isEqualTo("run");
        assertThat(JobTexts.simpleFunctionName(null)).isNull();
    }

    @Test
    void simpleClassName_dropsThePackage() {
        assertThat(JobTexts.simpleClassName("java.lang.IllegalStateException")).isEqualTo("IllegalStateException");
        assertThat(JobTexts.simpleClassName("Failure")).isEqualTo("Failure");
        assertThat(JobTexts.simpleClassName(null)).isNull();
    }

    @Test
    void prettyJson_indentsArgumentsOverSeveralLines() {
        String pretty = JobTexts.prettyJson("[\"ada@example.com\",{\"format\":\"pdf\",\"regions\":[\"EU\"]}]");

        assertThat(pretty).startsWith("[").endsWith("]").contains("\n").contains("\"format\": \"pdf\"");
    }

    @Test
    void prettyJson_leavesTextThatIsNotJsonAlone() {
        assertThat(JobTexts.prettyJson("Newsletter sent to ada@example.com"))
                .isEqualTo("Newsletter sent to ada@example.com");
        assertThat(JobTexts.prettyJson("")).isEmpty();
        assertThat(JobTexts.prettyJson(null)).isNull();
    }

    @Test
    void seconds_showsMilliseconds() {
        assertThat(JobTexts.seconds(1234L)).isEqualTo("1.234");
        assertThat(JobTexts.seconds(5L)).isEqualTo("0.005");
        assertThat(JobTexts.seconds(0L)).isEqualTo("0.000");
        assertThat(JobTexts.seconds(null)).isNull();
    }

    @Test
    void channelNamesAreCutAfterEachDot_soThatTheyWrapBetweenLevelsOnly() {
        assertThat(JobTexts.channelLevels("root.mail.eu-west")).containsExactly("root.", "mail.", "eu-west");
        assertThat(JobTexts.channelLevels("root")).containsExactly("root");
        assertThat(JobTexts.channelLevels(String.join("", JobTexts.channelLevels("root.a.b"))))
                .containsExactly("root.", "a.", "b");
        assertThat(JobTexts.channelLevels(null)).isEmpty();
    }

    @Test
    void dottedParts_cutAfterEachDot_andJoinBackToTheName() {
        String name = "org.queuejob.sample.SampleJobs.sendNewsletter";

        assertThat(JobTexts.dottedParts(name))
                .containsExactly("org.", "queuejob.", "sample.", "SampleJobs.", "sendNewsletter");
        assertThat(String.join("", JobTexts.dottedParts(name))).isEqualTo(name);
        assertThat(JobTexts.dottedParts("run")).containsExactly("run");
        assertThat(JobTexts.dottedParts("a..b.")).containsExactly("a.", ".", "b.");
        assertThat(JobTexts.dottedParts(null)).isEmpty();
    }
}
