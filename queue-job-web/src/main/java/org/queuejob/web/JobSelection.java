package org.queuejob.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rows ticked in the job list, one per job (by uuid), in the order they were ticked.
 *
 * <p>The table sends the whole selection as it shows it with every tick, and PrimeFaces reads that field when the
 * tick's request leaves the browser's queue, not when the tick is made: when the 5-second refresh is under way, the
 * tick's request waits behind it, and by the time it leaves, the refresh has put back the selection as the server
 * knew it, without the tick. So each tick is also applied on its own ({@link #tick}, {@link #untick}, {@link
 * #tickPage}, {@link #untickPage}), and each says whether the selection that came with it was missing it: then the
 * table must be drawn again to show the server's selection, or the next tick would send the stale one back.
 */
final class JobSelection implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<UUID, JobRow> rows = new LinkedHashMap<>();

    /** The selection as the table sent it; a job sent twice is one row. */
    void replaceWith(Collection<JobRow> sent) {
        rows.clear();
        if (sent != null) {
            sent.forEach(this::add);
        }
    }

    /** The row was ticked. Returns whether the selection sent with the tick lacked it (the table showed it stale). */
    boolean tick(JobRow row) {
        return row != null && add(row);
    }

    /** The row was unticked. Returns whether the selection sent with it still held it. */
    boolean untick(JobRow row) {
        return row != null && rows.remove(row.uuid()) != null;
    }

    /** The header box ticked every row of the page. Returns whether the selection sent lacked any of them. */
    boolean tickPage(Collection<JobRow> page) {
        boolean stale = false;
        for (JobRow row : page) {
            stale |= add(row);
        }
        return stale;
    }

    /** The header box unticked every row of the page. Returns whether the selection sent still held any of them. */
    boolean untickPage(Collection<JobRow> page) {
        boolean stale = false;
        for (JobRow row : page) {
            stale |= rows.remove(row.uuid()) != null;
        }
        return stale;
    }

    void clear() {
        rows.clear();
    }

    /** A copy: the table's setter and the bulk actions never share the map. */
    List<JobRow> rows() {
        return new ArrayList<>(rows.values());
    }

    int size() {
        return rows.size();
    }

    private boolean add(JobRow row) {
        return rows.putIfAbsent(row.uuid(), row) == null;
    }
}
