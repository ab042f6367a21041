package org.queuejob.domain.model.autovacuum;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A run was refused because another one is running somewhere in the cluster; the message says where. */
public class AutovacuumRunningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final String MESSAGE = "The autovacuum is already running on %s (run %d, started by %s at %s UTC, %d jobs"
            + " deleted so far): only one run at a time, in the whole cluster. Try again when it has finished.";

    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final long runningId;

    public AutovacuumRunningException(AutovacuumRun running) {
        super(String.format(
                MESSAGE,
                running.server(),
                running.id(),
                running.startedBy(),
                UTC.format(running.startedAt()),
                running.rowsDeleted()));
        this.runningId = running.id();
    }

    /** The run that holds the guard. */
    public long runningId() {
        return runningId;
    }
}
