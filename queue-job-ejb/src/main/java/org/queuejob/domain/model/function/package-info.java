/**
 * Job functions as records: one per {@code @Job} method, holding the channel, retry pattern and related action its
 * jobs get. The code gives defaults at each deployment; edited values win until they are cleared.
 */
package org.queuejob.domain.model.function;
