/** Settings (MicroProfile Config) and the injectable clock. */
package org.queuejob.infrastructure.config;
