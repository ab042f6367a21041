package org.queuejob.application;

import java.util.List;
import org.queuejob.domain.model.job.QueueJob;

/** One keyset page of jobs, and the cursor of the next page (null on the last). */
public record JobPage(List<QueueJob> jobs, JobCursor next) {}
