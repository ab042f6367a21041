package org.queuejob.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.queuejob.dev.DevEnvironment;
import org.queuejob.dev.PayaraDomain;

/**
 * The benchmark command ({@code mvn -Pbench verify}): starts PostgreSQL (synchronous commit on) and Payara, deploys
 * the benchmark WAR, and prints each figure next to a baseline measured in the same run, since absolute times on
 * these machines vary by a third from run to run.
 */
public final class BenchmarkMain {

    static final int JOBS = Integer.getInteger("bench.jobs", 20_000);
    static final int WORKERS = 8;
    static final int ENQUEUES = 20_000;
    static final int PROBES = 300;
    static final int BACKLOG = Integer.getInteger("bench.backlog", 1_000_000);
    static final int DRAINED = 20_000;

    private BenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        try (DevEnvironment environment = DevEnvironment.start()) {
            PayaraDomain domain = environment.domain();
            domain.deploy(Path.of(System.getProperty("queuejob.benchWar")), "queue-job-bench");
            String api = domain.baseUrl() + "/queue-job-bench/api/bench/";
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

            // Warm-up: JIT, connection pools, EclipseLink metadata.
            call(http, api + "throughput?n=2000");
            call(http, api + "enqueue?n=2000&batch=100");
            call(http, api + "persist?n=2000&batch=100");
            call(http, api + "latency?n=50");

            double queueThroughput = Double.parseDouble(call(http, api + "throughput?n=" + JOBS));
            System.out.println("queue no-op throughput: " + queueThroughput + " jobs/s");
            double rawThroughput = new RawJdbcBaseline(environment.database()).run(JOBS, WORKERS);
            long enqueueSingle = Long.parseLong(call(http, api + "enqueue?n=2000&batch=1"));
            long persistSingle = Long.parseLong(call(http, api + "persist?n=2000&batch=1"));
            long enqueueBatched = Long.parseLong(call(http, api + "enqueue?n=" + ENQUEUES + "&batch=100"));
            long persistBatched = Long.parseLong(call(http, api + "persist?n=" + ENQUEUES + "&batch=100"));
            // The enqueue runs above left jobs to drain; let them finish so the latency probes meet an idle queue.
            call(http, api + "idle");
            String[] latency = call(http, api + "latency?n=" + PROBES).split(" ");

            // (e) Drain rate with a small backlog, then with a million jobs waiting.
            Backlog backlog = new Backlog(environment.database());
            backlog.add(DRAINED);
            double smallBacklog = Double.parseDouble(call(http, api + "drain?n=" + DRAINED));
            long filling = System.nanoTime();
            backlog.add(BACKLOG);
            long fillSeconds = (System.nanoTime() - filling) / 1_000_000_000;
            double bigBacklog = Double.parseDouble(call(http, api + "drain?n=" + DRAINED));
            backlog.cancelWaiting();

            System.out.println();
            System.out.println("Queue Job benchmark (PostgreSQL on localhost, synchronous_commit=on, " + WORKERS
                    + " workers, " + Runtime.getRuntime().availableProcessors() + " cores)");
            System.out.println("| measure | queue | baseline | ratio |");
            System.out.println("|---|---|---|---|");
            row(
                    "(a)/(d) no-op jobs/s end to end, " + JOBS
                            + " jobs (enqueue + run) vs raw JDBC insert + claim/complete",
                    queueThroughput,
                    rawThroughput,
                    "jobs/s");
            row(
                    "(b) enqueue, 1 per transaction vs plain JPA persist",
                    enqueueSingle / 1000.0,
                    persistSingle / 1000.0,
                    "µs/job");
            row(
                    "(b) enqueue, 100 per transaction vs plain JPA persist",
                    enqueueBatched / 1000.0,
                    persistBatched / 1000.0,
                    "µs/job");
            System.out.printf(
                    Locale.ROOT,
                    "| (c) commit→start latency, idle queue, %d probes | p50 %.2f ms, p99 %.2f ms"
                            + " | target p50 ≤ 5 ms, p99 ≤ 25 ms | |%n",
                    PROBES,
                    Long.parseLong(latency[0]) / 1000.0,
                    Long.parseLong(latency[1]) / 1000.0);
            row(
                    String.format(
                            Locale.ROOT,
                            "(e) drain rate with %,d jobs waiting (filled in %d s) vs with %,d",
                            BACKLOG,
                            fillSeconds,
                            DRAINED),
                    bigBacklog,
                    smallBacklog,
                    "jobs/s");
            domain.undeploy("queue-job-bench");
        }
    }

    private static void row(String what, double queue, double baseline, String unit) {
        System.out.printf(
                Locale.ROOT,
                "| %s | %.1f %s | %.1f %s | %.2f |%n",
                what,
                queue,
                unit,
                baseline,
                unit,
                queue / baseline);
    }

    private static String call(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().strip();
    }
}
