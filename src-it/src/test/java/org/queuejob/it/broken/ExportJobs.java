package org.queuejob.it.broken;

import org.queuejob.api.Job;

/**
 * A {@code @Job} method two beans inherit ({@link CsvExportJobs}, {@link PdfExportJobs}): a stored job names the
 * method, so it would run on one of the two only; the deployment must fail.
 */
public abstract class ExportJobs {

    @Job
    public void export(long id) {}

    /** {@link HiddenJobs} overrides it without {@code @Job}: calls to the override would run at once. */
    @Job
    public void archive(long id) {}
}
