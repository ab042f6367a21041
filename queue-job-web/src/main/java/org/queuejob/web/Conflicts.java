package org.queuejob.web;

import jakarta.persistence.OptimisticLockException;

/**
 * Two saves of the same record that met at commit: the second fails on the record's {@code @Version}. The page says
 * {@link org.queuejob.application.ChangedMeanwhileException#SENTENCE} and the API answers 409 with it, in place of an
 * unexpected error.
 */
public final class Conflicts {

    /** EclipseLink's own exception, raised when it is not wrapped in JPA's (at flush or commit of a JTA transaction). */
    static final String ECLIPSELINK_OPTIMISTIC_LOCK = "org.eclipse.persistence.exceptions.OptimisticLockException";

    private Conflicts() {}

    /** Whether a failed optimistic lock caused {@code failure}, at any depth. */
    public static boolean optimisticLockIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof OptimisticLockException
                    || cause.getClass().getName().equals(ECLIPSELINK_OPTIMISTIC_LOCK)) {
                return true;
            }
        }
        return false;
    }
}
