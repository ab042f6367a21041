package org.queuejob.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.queuejob.application.BulkProgress;

/**
 * The bulk actions started through the API on this server, by id, so that their progress can be polled: the last
 * {@value #KEPT} are kept (in memory: a restart forgets them, the jobs they changed stay changed).
 */
@ApplicationScoped
public class BulkActions {

    static final int KEPT = 200;

    /** A started action. */
    record Started(String action, BulkProgress progress) {}

    private final Map<UUID, Started> started = new LinkedHashMap<>();

    synchronized UUID add(String action, BulkProgress progress) {
        UUID id = UUID.randomUUID();
        started.put(id, new Started(action, progress));
        Iterator<Map.Entry<UUID, Started>> oldest = started.entrySet().iterator();
        while (started.size() > KEPT && oldest.hasNext()) {
            if (oldest.next().getValue().progress().finished()) {
                oldest.remove();
            }
        }
        return id;
    }

    synchronized Optional<Started> find(UUID id) {
        return Optional.ofNullable(started.get(id));
    }
}
