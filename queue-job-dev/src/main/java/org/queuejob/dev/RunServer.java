package org.queuejob.dev;

import java.util.concurrent.CountDownLatch;

/**
 * PostgreSQL and a Payara domain with the queue's data source and users, and nothing deployed: the fast loop for
 * integration tests ({@code -Dqueuejob.it.external=true} makes them use it instead of starting their own).
 */
public final class RunServer {

    private RunServer() {}

    public static void main(String[] args) throws InterruptedException {
        DevEnvironment environment = DevEnvironment.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            environment.close();
            stopped.countDown();
        }));
        System.out.printf(
                "%s up at %s, database %s, manager password '%s', viewer password '%s'. Ctrl-C stops it.%n",
                environment.domain().product(),
                environment.domain().baseUrl(),
                environment.database().jdbcUrl(),
                environment.managerPassword(),
                environment.viewerPassword());
        stopped.await();
    }
}
