package org.queuejob.infrastructure.execution;

import java.util.function.LongConsumer;

/** A claimed job waiting for, or running on, a worker thread; carries its id so a shutdown can hand it back. */
record JobTask(long id, LongConsumer body) implements Runnable {

    @Override
    public void run() {
        body.accept(id);
    }
}
