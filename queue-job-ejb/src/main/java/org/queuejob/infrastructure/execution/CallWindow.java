package org.queuejob.infrastructure.execution;

/**
 * The span of a job's run in which its own method runs: the only one in which the job's thread may be interrupted,
 * at its timeout ({@link JobTimeouts#interrupts}) or when the job is taken from the run ({@link CancelInterrupts}).
 * Before it the worker takes the job and begins its transaction, after it the done mark commits; an interrupt there
 * would reach the queue's own waits and statements, not the job.
 */
public interface CallWindow {

    /** No interrupt can come: a job's method called outside a worker's run (a test's or the back office's). */
    CallWindow NONE = new CallWindow() {
        @Override
        public void open() {}

        @Override
        public void close() {}

        @Override
        public boolean interrupted() {
            return false;
        }

        @Override
        public boolean takenAway() {
            return false;
        }
    };

    /** The job's method is about to be called, on the calling thread. */
    void open();

    /**
     * The job's method has returned or thrown. If the call was interrupted, the thread's interrupt flag is cleared
     * here (waiting for an interrupt being given to finish), so nothing after the call hears it.
     */
    void close();

    /** Whether the call was interrupted at its timeout. */
    boolean interrupted();

    /**
     * Whether the job was taken from this run while it ran (cancelled, set done or requeued by hand; its thread then
     * interrupted if {@link CancelInterrupts} says so): whatever the method did, its work is rolled back and nothing
     * is recorded, the job being someone else's now.
     */
    boolean takenAway();
}
