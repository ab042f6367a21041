package org.queuejob.api;

/** The one call of a {@link Job} method that {@link JobQueue.Options#enqueue} stores with its options. */
@FunctionalInterface
public interface JobCall {

    void call() throws Exception;
}
