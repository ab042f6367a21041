package org.queuejob.infrastructure.execution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.queuejob.domain.model.job.JobRepository;

/** The dispatcher's statements, each committed on its own so a claim is visible before its jobs start. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DispatchStatements {

    @Inject
    JobRepository jobs;

    public List<Long> claim(int limit, String worker, Collection<String> functions, Instant now) {
        return jobs.claimPending(limit, worker, functions, now);
    }

    public Map<String, Long> countWaitingOutside(Collection<String> functions) {
        return jobs.countWaitingOutside(functions);
    }

    public Optional<Instant> nextEta(Instant now) {
        return jobs.nextEta(now);
    }

    public int releaseAbandoned(String worker, Collection<Long> inFlight) {
        return jobs.releaseAbandoned(worker, inFlight);
    }

    /**
     * Created with the application, not on first use: the first use may be on a queue thread, where Payara cannot
     * resolve this bean's EJB references (the injected repository would silently stay null).
     */
    void createEagerly(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        // nothing to do: observing the event is what creates the bean now
    }
}
