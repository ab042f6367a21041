package org.queuejob.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import org.queuejob.domain.model.server.ServerDirectory;
import org.queuejob.domain.model.server.ServerStatus;
import org.queuejob.domain.model.server.UnknownServerException;
import org.queuejob.infrastructure.config.QueueJobSettings;

/**
 * The servers sharing the queue, for the back office and the API: each with the leader's verdict on it, judged with
 * this server's {@code queue-job.dead-after-seconds} (the same on every server of a cluster that is set up alike).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ServerQueryService {

    @Inject
    ServerDirectory directory;

    @Inject
    QueueJobSettings settings;

    /** Every server with a record, in name order. */
    public List<Server> servers() {
        Duration deadAfter = settings.deadAfter();
        return directory.servers().stream()
                .map(status -> new Server(status, status.condition(deadAfter), deadAfter))
                .toList();
    }

    /**
     * The server named {@code name}.
     *
     * @throws UnknownServerException when it has no record
     */
    public Server server(String name) {
        Duration deadAfter = settings.deadAfter();
        return directory
                .server(name)
                .map(status -> new Server(status, status.condition(deadAfter), deadAfter))
                .orElseThrow(() -> new UnknownServerException(name));
    }

    /**
     * A server and what the leader makes of it.
     *
     * @param deadAfter the silence after which a server is dead, by which {@code condition} was judged
     */
    public record Server(ServerStatus status, ServerStatus.Condition condition, Duration deadAfter)
            implements Serializable {}
}
