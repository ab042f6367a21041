package org.queuejob.it.broken;

import jakarta.enterprise.context.ApplicationScoped;

/** The other bean inheriting {@link ExportJobs#export}. */
@ApplicationScoped
public class PdfExportJobs extends ExportJobs {

    /** Overridden with its own {@code @Job}: a job function of its own, which is fine. */
    @Override
    @org.queuejob.api.Job
    public void archive(long id) {}
}
