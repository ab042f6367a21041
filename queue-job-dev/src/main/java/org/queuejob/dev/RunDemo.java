package org.queuejob.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The README's run command: PostgreSQL, Payara or WildFly ({@code -Pwildfly}), the EAR with its sample jobs, and the back-office address with
 * credentials printed. Ctrl-C stops everything it started.
 */
public final class RunDemo {

    private RunDemo() {}

    /** What the run command prints once the back office answers: the addresses really used, and how to log in. */
    static String banner(long seconds, AppServer domain, String managerPassword, String viewerPassword, String db) {
        return String.format(
                """

                ==========================================================================
                 Queue Job back office is up (%d s): %s/queue-job/
                   manager (can act):  user 'manager'  password '%s'
                   viewer (read only): user 'viewer'   password '%s'
                 Database: %s   %s admin console: http://localhost:%d
                 Sample jobs are flowing (some succeed, some fail, some retry). Ctrl-C stops it all.
                ==========================================================================
                %n""",
                seconds, domain.baseUrl(), managerPassword, viewerPassword, db, domain.product(), domain.adminPort());
    }

    public static void main(String[] args) throws InterruptedException {
        long started = System.nanoTime();
        Path ear = Path.of(System.getProperty("queuejob.ear", "queue-job-ear/target/queue-job-ear.ear"));
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException("No EAR at " + ear + ": run `mvn -Prun verify` from the project root.");
        }
        DevEnvironment environment = DevEnvironment.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping " + environment.domain().product() + " and the database...");
            // Undeployed first, so the domain's next start does not try to load it against a database now gone.
            environment.domain().undeploy("queue-job");
            environment.close();
            stopped.countDown();
        }));
        AppServer domain = environment.domain();
        domain.deploy(ear, "queue-job");
        domain.awaitHttp("/queue-job/login.xhtml", Duration.ofMinutes(2));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        System.out.print(banner(
                seconds,
                domain,
                environment.managerPassword(),
                environment.viewerPassword(),
                environment.database().jdbcUrl()));
        stopped.await();
    }
}
