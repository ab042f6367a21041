package org.queuejob.infrastructure.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EnqueuedInTest {

    @Test
    void theLeaderReadsTheChannelsAFollowerStoredJobsIn() {
        String message = EnqueuedIn.message(List.of("root.mail", "root"));

        assertThat(EnqueuedIn.parse(message)).contains(Set.of("root.mail", "root"));
    }

    @Test
    void aChannelNameWithACommaMakesTheMessageSayAnywhere_notTwoWrongChannels() {
        String message = EnqueuedIn.message(List.of("root.a,b"));

        assertThat(message).isEqualTo(Notifications.ENQUEUED);
        assertThat(EnqueuedIn.parse(message)).isEmpty();
    }

    @Test
    void channelsTooManyForOneMessageSayAnywhere() {
        List<String> channels = IntStream.range(0, 500)
                .mapToObj(i -> "root.channel-with-a-long-name-" + i)
                .toList();

        assertThat(EnqueuedIn.message(channels)).isEqualTo(Notifications.ENQUEUED);
    }

    @Test
    void otherMessagesAreNotReadAsChannels() {
        assertThat(EnqueuedIn.parse(Notifications.ENQUEUED)).isEmpty();
        assertThat(EnqueuedIn.parse("enqueued:")).isEmpty();
        assertThat(EnqueuedIn.parse("freed:41.3")).isEmpty();
    }
}
