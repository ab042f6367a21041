package org.queuejob.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Timestamp;
import java.util.OptionalInt;
import java.util.UUID;
import org.queuejob.api.Delayable;
import org.queuejob.api.JobQueue;
import org.queuejob.application.ChannelService;

/**
 * The cost of storing jobs, into a paused channel so that no dispatching competes for the CPU while it is measured:
 * one {@code @Job} call per transaction against a plain JPA persist of a row of the same size, and a graph of jobs
 * stored in one transaction. Each endpoint answers nanoseconds.
 */
@Path("enqueue")
@Produces(MediaType.TEXT_PLAIN)
@ApplicationScoped
public class EnqueueResource {

    @Inject
    JobQueue queue;

    @Inject
    NoopJobs jobs;

    @Inject
    ChannelService channels;

    @Inject
    UserTransaction transaction;

    @PersistenceContext(unitName = "bench")
    EntityManager em;

    /** Creates and pauses the channel the jobs below go to; the driver waits a dispatcher poll before timing. */
    @POST
    @Path("pause")
    public String pause() {
        channels.configure(QueueJobSystem.PAUSED_CHANNEL, OptionalInt.empty(), false, 0);
        channels.pause(QueueJobSystem.PAUSED_CHANNEL);
        return "paused";
    }

    /** N plain calls of a {@code @Job} method, {@code batch} per transaction; answers ns per job. */
    @POST
    @Path("jobs")
    public String jobs(@QueryParam("n") int n, @QueryParam("batch") int batch) throws Exception {
        return perJob(n, batch, jobs::held);
    }

    /** The baseline: N plain JPA persists of a row of a job's size, {@code batch} per transaction; ns per row. */
    @POST
    @Path("persist")
    public String persist(@QueryParam("n") int n, @QueryParam("batch") int batch) throws Exception {
        return perJob(
                n,
                batch,
                index -> em.persist(new BenchRow(
                        UUID.randomUUID().toString(), "[" + index + "]", new Timestamp(System.currentTimeMillis()))));
    }

    /** A chain of {@code n} jobs delayed in one transaction; answers the ns it took, commit included. */
    @POST
    @Path("graph")
    public String graph(@QueryParam("n") int n) throws Exception {
        long start = System.nanoTime();
        transaction.begin();
        Delayable[] nodes = new Delayable[n];
        for (int i = 0; i < n; i++) {
            int index = i;
            nodes[i] = queue.delayable(() -> jobs.held(index));
        }
        queue.chain(nodes).delay();
        transaction.commit();
        return String.valueOf(System.nanoTime() - start);
    }

    private String perJob(int n, int batch, IndexedWork work) throws Exception {
        long start = System.nanoTime();
        for (int done = 0; done < n; ) {
            transaction.begin();
            for (int i = 0; i < batch && done < n; i++, done++) {
                work.run(done);
            }
            transaction.commit();
        }
        return String.valueOf((System.nanoTime() - start) / n);
    }

    @FunctionalInterface
    private interface IndexedWork {
        void run(int index);
    }
}
