/**
 * How a call to a {@link org.queuejob.api.Job} method becomes a stored job and, later, a real call again: the CDI
 * extension that lists job functions at deployment (the allow-list), the interceptor that delays calls, and the
 * invoker that lets the worker's one call through.
 */
package org.queuejob.infrastructure.interception;
