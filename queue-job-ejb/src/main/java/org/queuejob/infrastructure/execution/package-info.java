/**
 * Running jobs: the dispatcher that claims runnable jobs up to the free capacity, the executor that runs one job in
 * its own transaction, the recorder of failures and retries, and the start-up / shutdown hooks.
 */
package org.queuejob.infrastructure.execution;
