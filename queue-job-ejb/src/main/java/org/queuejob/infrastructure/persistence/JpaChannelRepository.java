package org.queuejob.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.queuejob.domain.model.channel.Channel;
import org.queuejob.domain.model.channel.ChannelRepository;

/** Channel records through the queue's persistence unit (a session bean for the reason given on JpaJobRepository). */
@Stateless
public class JpaChannelRepository implements ChannelRepository {

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Override
    public List<Channel> all() {
        return em.createQuery("SELECT c FROM Channel c ORDER BY c.completeName", Channel.class)
                .getResultList();
    }

    @Override
    public Optional<Channel> find(String completeName) {
        return em.createQuery("SELECT c FROM Channel c WHERE c.completeName = :name", Channel.class)
                .setParameter("name", completeName)
                .getResultStream()
                .findFirst();
    }

    /**
     * Written at once, not at commit: a record of the same name stored by another transaction meanwhile then fails
     * here, where {@code ChannelService} can say so in a sentence, and not in the container's commit.
     */
    @Override
    public void store(Channel channel) {
        em.persist(channel);
        em.flush();
    }

    @Override
    public void remove(Channel channel) {
        em.remove(channel);
        em.flush();
    }
}
