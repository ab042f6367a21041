package org.queuejob.infrastructure.execution;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.queuejob.infrastructure.cluster.ClusterStatements.Member;

/**
 * The quiet marks a leader applied in memory as the transactions that made them committed here, numbered in order. A
 * read of the servers that began before a mark was applied may say the state before it, and must not put that back:
 * the mark wins over such a read. A read that began after it saw its commit, and wins over it, so a change made on
 * another server since is not undone by an older mark made here.
 */
final class QuietMarks {

    private record Mark(boolean quiet, long number) {}

    private final AtomicLong applied = new AtomicLong();
    private final Map<String, Mark> marks = new ConcurrentHashMap<>();

    /** The number to give a read of the servers that begins now. */
    long beforeRead() {
        return applied.get();
    }

    /** {@code server} was made quiet, or takes jobs again, by a transaction that committed here just now. */
    void applied(String server, boolean quiet) {
        marks.put(server, new Mark(quiet, applied.incrementAndGet()));
    }

    /** The servers as a read that began at {@code readFrom} found them, with the marks applied here since. */
    List<Member> since(long readFrom, Collection<Member> read) {
        return read.stream()
                .map(member -> {
                    Mark mark = marks.get(member.name());
                    return mark == null || mark.number() <= readFrom ? member : member.withQuiet(mark.quiet());
                })
                .toList();
    }
}
