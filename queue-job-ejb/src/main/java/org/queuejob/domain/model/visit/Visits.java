package org.queuejob.domain.model.visit;

import java.time.Instant;

/** The back-office users' last visits; joins the caller's transaction. */
public interface Visits {

    /**
     * Records a visit of {@code user} at {@code at}, replacing their previous one; returns how many jobs failed since
     * that previous visit (0 the first time).
     */
    long record(String user, Instant at);
}
