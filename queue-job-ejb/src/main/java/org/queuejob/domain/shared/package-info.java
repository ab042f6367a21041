/**
 * What every layer may use and no model owns: reading a failure as a whole ({@link
 * org.queuejob.domain.shared.FailureParts}). Plain Java, as the rest of the domain.
 */
package org.queuejob.domain.shared;
