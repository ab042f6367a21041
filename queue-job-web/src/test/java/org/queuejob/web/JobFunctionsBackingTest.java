package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.queuejob.domain.model.server.FunctionReach;

class JobFunctionsBackingTest {

    @Test
    void theServersColumnCountsThoseTakingJobs_andTheQuietOnesBesideThem() {
        assertThat(JobFunctionsBacking.servers(new FunctionReach(1, 0))).isEqualTo("1 server");
        assertThat(JobFunctionsBacking.servers(new FunctionReach(3, 0))).isEqualTo("3 servers");
        assertThat(JobFunctionsBacking.servers(new FunctionReach(2, 1))).isEqualTo("2 servers, and 1 quiet");
    }

    @Test
    void aFunctionNoServerTakingJobsHasSaysItsJobsWait_andWhetherQuietServersHaveIt() {
        assertThat(JobFunctionsBacking.servers(new FunctionReach(0, 2))).isEqualTo("Only 2 quiet: its jobs wait");
        assertThat(JobFunctionsBacking.servers(FunctionReach.NONE)).isEqualTo("None running: its jobs wait");
    }
}
