package org.queuejob.application;

import java.time.Duration;

/**
 * A job that the database has as started for longer than its job function's timeout: it holds a worker until it
 * returns, and then fails with its work rolled back. Unless its job function is interrupted at its timeout, nothing
 * makes it return; if it is, its server has interrupted it and it has not returned yet.
 *
 * @param ranFor how long it has run
 * @param timeout its job function's timeout
 * @param setting the setting that gives that timeout
 * @param interrupted whether its server interrupts it at its timeout
 * @param interruptSetting the setting that says so
 */
public record Overrun(
        Duration ranFor, Duration timeout, String setting, boolean interrupted, String interruptSetting) {}
