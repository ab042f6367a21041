package org.queuejob.sample;

import java.util.Set;

/** A structured job argument: records are stored as JSON objects. */
public record ReportRequest(String format, Set<String> regions) {}
