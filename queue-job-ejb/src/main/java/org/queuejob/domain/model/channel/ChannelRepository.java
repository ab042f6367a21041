package org.queuejob.domain.model.channel;

import java.util.List;
import java.util.Optional;

/** Where channel records live; joins the caller's transaction. */
public interface ChannelRepository {

    List<Channel> all();

    Optional<Channel> find(String completeName);

    /** Adds a new record, written at once: a name another transaction took meanwhile fails here, not at commit. */
    void store(Channel channel);

    /**
     * Deletes a record, at once: a record another transaction changed or deleted meanwhile fails here (its version),
     * not at commit.
     */
    void remove(Channel channel);
}
