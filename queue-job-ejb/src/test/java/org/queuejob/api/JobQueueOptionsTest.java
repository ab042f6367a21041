package org.queuejob.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class JobQueueOptionsTest {

    private final JobQueue.Options options = new JobQueue.Options(new JobQueue.Options.Enqueuer() {
        @Override
        public UUID enqueue(JobQueue.Options options, JobCall call) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Delayable delayable(JobQueue.Options options, JobCall call) {
            throw new UnsupportedOperationException();
        }
    });

    /** A blank channel was read as root: the job ran there, ignoring its @Job channel and its function's. */
    @Test
    void aBlankChannel_isRefused_notReadAsRoot() {
        assertThatThrownBy(() -> options.channel("   "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("A channel cannot be blank: name one (e.g. root.mail), or leave it out for the job's own.");
    }

    @Test
    void aChannelWithSpacesAroundIt_isRefused_notStripped() {
        assertThatThrownBy(() -> options.channel(" root.mail "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The channel ' root.mail ' has spaces around it: give the name alone, e.g. root.mail.");
    }

    @Test
    void aChannelNamedAlone_isKept() {
        assertThat(options.channel("root.mail").channel()).isEqualTo("root.mail");
    }
}
