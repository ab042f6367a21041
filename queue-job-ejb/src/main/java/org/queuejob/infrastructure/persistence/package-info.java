/**
 * PostgreSQL storage of jobs: the JPA repository, whose dispatch statements are native SQL ({@code FOR UPDATE SKIP
 * LOCKED}), and the Flyway migrations that own the schema.
 */
package org.queuejob.infrastructure.persistence;
