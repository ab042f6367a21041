package org.queuejob.domain.model.channel;

import java.util.List;
import java.util.Optional;

/** Where channel records live; joins the caller's transaction. */
public interface ChannelRepository {

    List<Channel> all();

    Optional<Channel> find(String completeName);

    void store(Channel channel);
}
