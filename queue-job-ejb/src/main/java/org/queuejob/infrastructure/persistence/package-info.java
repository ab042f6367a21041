/**
 * PostgreSQL storage of jobs: the JPA repository, whose dispatch statements are native SQL ({@code FOR UPDATE SKIP
 * LOCKED}); the repositories behind the back office's reads (the job list's Criteria queries, the dashboard's and
 * Channels screen's counts, visits), so that no application service holds an {@code EntityManager}; and the Flyway
 * migrations that own the schema.
 */
package org.queuejob.infrastructure.persistence;
