package org.queuejob.domain.shared;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A failure read as a whole: the exception, its causes and its suppressed exceptions, theirs in turn, each once,
 * nearest first. Why a failure happened is often not in its chain of causes: a transaction manager that could not
 * commit reports why among the suppressed exceptions of its {@code RollbackException} (Narayana, in WildFly, does),
 * and its cause may only say who marked the transaction rollback-only. The workers' retry of a transient try and the
 * API's answer to a request the database could not take both read failures so.
 */
public final class FailureParts {

    /** A bound on the exceptions read, against a failure that nests or refers to itself without end. */
    static final int MAX_READ = 200;

    private FailureParts() {}

    /** The parts of {@code failure} (itself first); empty for null. */
    public static List<Throwable> of(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> parts = new ArrayList<>();
        Deque<Throwable> toRead = new ArrayDeque<>();
        if (failure != null) {
            toRead.add(failure);
        }
        while (!toRead.isEmpty() && parts.size() < MAX_READ) {
            Throwable part = toRead.poll();
            if (!seen.add(part)) {
                continue;
            }
            parts.add(part);
            if (part.getCause() != null) {
                toRead.add(part.getCause());
            }
            Collections.addAll(toRead, part.getSuppressed());
        }
        return parts;
    }
}
