package org.queuejob.domain.model.server;

import java.util.List;

/** The servers that recorded themselves in the queue's database and have not left it. Needs no transaction. */
public interface ServerDirectory {

    /**
     * Every server with a record, in name order: those running, and those that stopped beating without leaving (their
     * record stays a day, so that a crash shows).
     */
    List<ServerStatus> servers();
}
