package org.queuejob.domain.model.server;

import java.util.List;
import java.util.Optional;

/**
 * The servers that recorded themselves in the queue's database and have not left it. Reads need no transaction;
 * changes are made in the caller's.
 */
public interface ServerDirectory {

    /**
     * Every server with a record, in name order: those running, and those that stopped beating without leaving (their
     * record stays a day, so that a crash shows).
     */
    List<ServerStatus> servers();

    /** The server named {@code name}, if it has a record. */
    default Optional<ServerStatus> server(String name) {
        return servers().stream().filter(server -> server.name().equals(name)).findFirst();
    }

    /** Makes the server quiet, by {@code user}; one quiet already keeps its time and user. */
    void quiet(String name, String user);

    /** Makes the server take jobs again. */
    void resume(String name);
}
