package org.queuejob.web;

import java.time.Duration;

/** The job list's creation-date filters: the original's "Last 24 hours / 7 days / 30 days" (§4.6), or custom. */
public enum DateRange {
    ANY("Any time", null),
    LAST_24_HOURS("24 h", Duration.ofHours(24)),
    LAST_7_DAYS("7 d", Duration.ofDays(7)),
    LAST_30_DAYS("30 d", Duration.ofDays(30)),
    CUSTOM("Custom", null);

    private final String label;
    private final Duration back;

    DateRange(String label, Duration back) {
        this.label = label;
        this.back = back;
    }

    public String label() {
        return label;
    }

    /** How far back from now; null for {@link #ANY} and {@link #CUSTOM}. */
    Duration back() {
        return back;
    }
}
