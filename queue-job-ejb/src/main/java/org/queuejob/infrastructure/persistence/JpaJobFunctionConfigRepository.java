package org.queuejob.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.queuejob.domain.model.function.JobFunctionConfig;
import org.queuejob.domain.model.function.JobFunctionConfigRepository;

/** Job-function records through the queue's persistence unit (a session bean, see JpaJobRepository). */
@Stateless
public class JpaJobFunctionConfigRepository implements JobFunctionConfigRepository {

    /** An upsert, so servers deploying at the same moment neither fail nor erase an edit. */
    static final String REGISTER = """
            INSERT INTO queue_job_function (name, default_channel, default_retry_pattern, default_related_action,
                                            registered_at)
            VALUES (?1, ?2, ?3, ?4, now())
            ON CONFLICT (name) DO UPDATE SET default_channel = EXCLUDED.default_channel,
                                             default_retry_pattern = EXCLUDED.default_retry_pattern,
                                             default_related_action = EXCLUDED.default_related_action,
                                             registered_at = EXCLUDED.registered_at""";

    @PersistenceContext(unitName = "queue-job")
    EntityManager em;

    @Override
    public List<JobFunctionConfig> all() {
        return em.createQuery("SELECT f FROM JobFunctionConfig f ORDER BY f.name", JobFunctionConfig.class)
                .getResultList();
    }

    @Override
    public Optional<JobFunctionConfig> find(String name) {
        return Optional.ofNullable(em.find(JobFunctionConfig.class, name));
    }

    @Override
    public void registerDefaults(String name, String channel, String retryPattern, String relatedAction) {
        em.createNativeQuery(REGISTER)
                .setParameter(1, name)
                .setParameter(2, channel)
                .setParameter(3, retryPattern)
                .setParameter(4, relatedAction)
                .executeUpdate();
    }
}
