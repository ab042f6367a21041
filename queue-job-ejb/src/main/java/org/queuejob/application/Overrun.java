package org.queuejob.application;

import java.time.Duration;

/**
 * A job that the database has as started for longer than its job function's timeout: nothing interrupts it, so it
 * holds a worker until it returns, and then fails with its work rolled back.
 *
 * @param ranFor how long it has run
 * @param timeout its job function's timeout
 * @param setting the setting that gives that timeout
 */
public record Overrun(Duration ranFor, Duration timeout, String setting) {}
