package org.queuejob.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.queuejob.application.JobFunctionService;
import org.queuejob.application.JobFunctionView;
import org.queuejob.domain.model.server.FunctionReach;

class JobFunctionsBackingTest {

    @Test
    void theServersColumnCountsThoseTakingJobs_andTheQuietOnesBesideThem() {
        assertThat(JobFunctionsBacking.servers(new FunctionReach(1, 0))).isEqualTo("1 server");
        assertThat(JobFunctionsBacking.servers(new FunctionReach(3, 0))).isEqualTo("3 servers");
        assertThat(JobFunctionsBacking.servers(new FunctionReach(2, 1))).isEqualTo("2 servers, and 1 quiet");
    }

    /**
     * PrimeFaces sorts a non-lazy table's list in place when a sortable header is clicked (Name, Channel); the
     * service's list is unmodifiable, and sorting it threw, which showed the error page.
     */
    @Test
    void theTablesList_canBeSortedInPlace_asPrimeFacesSortsItWhenAHeaderIsClicked() {
        JobFunctionsBacking backing = new JobFunctionsBacking();
        backing.jobFunctions = new JobFunctionService() {
            @Override
            public List<JobFunctionView> list() {
                return Stream.of(function("org.example.B.run", "root"), function("org.example.A.run", "root.mail"))
                        .toList();
            }
        };

        List<JobFunctionView> functions = backing.getFunctions();
        functions.sort(Comparator.comparing(JobFunctionView::name));

        assertThat(backing.getFunctions())
                .extracting(JobFunctionView::name)
                .containsExactly("org.example.A.run", "org.example.B.run");
    }

    private static JobFunctionView function(String name, String channel) {
        return new JobFunctionView(name, channel, null, null, null, null, null, true, new FunctionReach(1, 0));
    }

    @Test
    void aFunctionNoServerTakingJobsHasSaysItsJobsWait_andWhetherQuietServersHaveIt() {
        assertThat(JobFunctionsBacking.servers(new FunctionReach(0, 2))).isEqualTo("Only 2 quiet: its jobs wait");
        assertThat(JobFunctionsBacking.servers(FunctionReach.NONE)).isEqualTo("None running: its jobs wait");
    }
}
