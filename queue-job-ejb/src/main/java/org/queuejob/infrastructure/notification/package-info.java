/**
 * Failure mail: a message to configured addresses when a job fails for good, through a Jakarta Mail session named
 * by JNDI, rate-limited so that thousands of failures make a handful of mails and one summary.
 */
package org.queuejob.infrastructure.notification;
