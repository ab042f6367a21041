package org.queuejob.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.queuejob.infrastructure.cluster.EndedJob.How;

class EndedJobTest {

    @Test
    void whatAFollowerSaysIsWhatTheLeaderReads_howEachJobEndedIncluded() {
        List<EndedJob> ended = List.of(
                new EndedJob(41, 3, How.DONE), new EndedJob(42, 7, How.FAILED), new EndedJob(43, 2, How.NOT_DONE));

        List<String> messages = EndedJob.messages(ended);

        assertThat(messages).containsExactly("freed:41.3,42.7!,43.2~");
        assertThat(EndedJob.parse(messages.get(0))).contains(ended);
    }

    @Test
    void aSlotPassedOnIsReadWithTheJobThatTookIt() {
        List<EndedJob> ended = List.of(
                new EndedJob(41, 3, How.DONE, Optional.of(new EndedJob.Next(57, 2))),
                new EndedJob(42, 7, How.DONE),
                new EndedJob(57, 2, How.DONE, Optional.of(new EndedJob.Next(58, 4))));

        List<String> messages = EndedJob.messages(ended);

        assertThat(messages).containsExactly("freed:41.3>57.2,42.7,57.2>58.4");
        assertThat(EndedJob.parse(messages.get(0))).contains(ended);
    }

    @Test
    void aPassedSlotWithAMalformedNextJobEndsTheReading() {
        assertThat(EndedJob.parse("freed:5.1,6.1>x.2,7.1")).contains(List.of(new EndedJob(5, 1, How.DONE)));
    }

    @Test
    void manyEndsAreSplitIntoMessagesPostgresqlAccepts_noneLost() {
        List<EndedJob> ended = LongStream.range(0, 2_000)
                .mapToObj(i -> new EndedJob(9_000_000_000L + i, 123_456 + i, How.DONE))
                .toList();

        List<String> messages = EndedJob.messages(ended);

        assertThat(messages).hasSizeGreaterThan(1);
        // NOTIFY refuses a payload of 8,000 bytes or more.
        assertThat(messages)
                .allSatisfy(message ->
                        assertThat(message.getBytes(StandardCharsets.UTF_8)).hasSizeLessThan(8_000));
        assertThat(messages.stream()
                        .flatMap(message -> EndedJob.parse(message).orElseThrow().stream())
                        .toList())
                .isEqualTo(ended);
    }

    @Test
    void otherMessagesAreNotEnds_andNothingIsSentForNothing() {
        assertThat(EndedJob.parse(Notifications.FREED)).isEmpty();
        assertThat(EndedJob.parse(Notifications.DISPATCHED)).isEmpty();
        assertThat(EndedJob.messages(List.of())).isEmpty();
    }

    @Test
    void aMalformedEntryEndsTheReading_theEntriesBeforeItStand() {
        assertThat(EndedJob.parse("freed:5.1,x.2,6.1")).contains(List.of(new EndedJob(5, 1, How.DONE)));
        assertThat(EndedJob.parse("freed:5")).contains(List.of());
    }
}
