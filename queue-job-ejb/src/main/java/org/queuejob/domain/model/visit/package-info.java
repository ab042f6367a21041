/**
 * The back office's users' visits ({@link org.queuejob.domain.model.visit.Visits}): when each was last seen, so
 * that a visit can tell how many jobs failed since the previous one.
 */
package org.queuejob.domain.model.visit;
