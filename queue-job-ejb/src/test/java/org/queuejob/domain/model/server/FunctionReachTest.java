package org.queuejob.domain.model.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FunctionReachTest {

    @Test
    void aFunctionIsRunnableWhenOneServerTakingJobsHasIt_howeverManyQuietOnesDo() {
        FunctionReach reach = FunctionReach.NONE.plus(true).plus(false).plus(true);

        assertThat(reach).isEqualTo(new FunctionReach(1, 2));
        assertThat(reach.runnable()).isTrue();
        assertThat(reach.onlyQuiet()).isFalse();
    }

    @Test
    void onlyQuietServersHavingItLeavesItsJobsWaiting_asNoServerDoes() {
        FunctionReach quiet = Stream.of(FunctionReach.NONE.plus(true), FunctionReach.NONE.plus(true))
                .reduce(FunctionReach.NONE, FunctionReach::add);

        assertThat(quiet).isEqualTo(new FunctionReach(0, 2));
        assertThat(quiet.runnable()).isFalse();
        assertThat(quiet.onlyQuiet()).isTrue();
        assertThat(FunctionReach.NONE.runnable()).isFalse();
        assertThat(FunctionReach.NONE.onlyQuiet()).isFalse();
    }
}
