package org.queuejob.infrastructure.execution;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.queuejob.infrastructure.interception.JobFunctionRegistry;

/**
 * Whether a job taken from its run by hand (cancelled, set done or requeued while its method runs) has its thread
 * interrupted by its server: {@code queue-job.cancel-interrupt}, or {@code queue-job.cancel-interrupt.<job
 * function>} for one; {@code true} unless set.
 *
 * <p>On by default, unlike the interrupt at a timeout ({@link JobTimeouts#INTERRUPT}): here a person asked for the
 * job to stop, and its work is rolled back whatever it does next, so letting it run on only holds a worker and,
 * once its channel's slot has gone to the next job, runs beside that job. Off for a job function whose code shares
 * an NIO channel beyond the job (an interrupt closes it), or that must not be cut short between two outside calls.
 */
@ApplicationScoped
public class CancelInterrupts {

    public static final String SETTING = "queue-job.cancel-interrupt";

    private FunctionSwitch interrupt = FunctionSwitch.of(SETTING, true, null, Map.of());

    @Inject
    JobFunctionRegistry functions;

    @PostConstruct
    void read() {
        read(ConfigProvider.getConfig(), PerFunctionSettings.names(functions));
    }

    /**
     * Reads the setting, per function for the job functions {@code functionNames}; a malformed one fails with a
     * message naming it ({@link JobTimeoutsCheck} at deploy, which also refuses names of no job function).
     */
    void read(Config config, Collection<String> functionNames) {
        interrupt = FunctionSwitch.read(config, SETTING, true, functionNames);
    }

    /** As {@link #read}, from the values as written ({@code null}: not set). */
    void configure(String defaultValue, Map<String, String> functions) {
        interrupt = FunctionSwitch.of(SETTING, true, defaultValue, functions);
    }

    /** Whether a run of this job function taken from it by hand is interrupted. */
    public boolean interrupts(String jobFunction) {
        return interrupt.isOn(jobFunction);
    }

    /** The setting that decides it for this job function, as a message names it. */
    public String settingFor(String jobFunction) {
        return interrupt.settingFor(jobFunction);
    }
}
