/**
 * The REST API under {@code /queue-job/api/v1} (Jakarta REST + JSON-B, described by MicroProfile OpenAPI at the
 * server's {@code /openapi}): jobs, bulk actions, channels and job functions, for automation and other tools. The same
 * services and roles as the back office: viewers read, managers change. HTTP Basic against the server's realm on every
 * request ({@link org.queuejob.web.api.ApiAuthenticationFilter}); changes need a JSON body and never ride on the back
 * office's session cookie (CSRF). Every error is an RFC 9457 problem ({@code application/problem+json}) with a
 * sentence in {@code detail}, never a stack trace ({@link org.queuejob.web.api.ProblemMapper}).
 */
package org.queuejob.web.api;
